using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>DNS rebinding on every bind address: the Host header is checked whatever --host is (it was off for 0.0.0.0).</summary>
public sealed class ServeHostCheckTests
{
    [Fact]
    public async Task Bound_to_every_interface_the_Host_header_is_still_checked()
    {
        await using var site = await ServeSite.StartAsync(host: "0.0.0.0");

        var foreign = await site.RawAsync("/a/", host: $"attacker.example:{site.Port}");
        Assert.Equal(403, foreign.Status);
        Assert.DoesNotContain("Original text.", foreign.Body);
        Assert.Equal(200, (await site.RawAsync("/a/", host: $"localhost:{site.Port}")).Status);
        Assert.Equal(200, (await site.RawAsync("/a/", host: $"{Dns.GetHostName()}:{site.Port}")).Status);
        var own = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (own is not null)
        {
            Assert.Equal(200, (await site.RawAsync("/a/", host: $"{own}:{site.Port}")).Status);
        }
        Assert.Equal(403, (await site.RawAsync("/a/", host: $"192.0.2.1:{site.Port}")).Status);
    }

    [Fact]
    public async Task Bound_to_one_address_that_address_is_a_valid_Host()
    {
        var own = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (own is null)
        {
            return; // no address but loopback on this machine
        }
        await using var site = await ServeSite.StartAsync(host: own.ToString());

        Assert.Equal(200, (await RawHttp.SendAsync(own, site.Port, $"{own}:{site.Port}")).Status);
        Assert.Equal(403, (await RawHttp.SendAsync(own, site.Port, $"attacker.example:{site.Port}")).Status);
    }
}
