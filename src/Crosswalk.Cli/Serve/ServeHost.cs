using System.Net;
using System.Net.NetworkInformation;

namespace Crosswalk.Cli.Serve;

/// <summary>The address <c>serve</c> binds: an IP literal or <c>localhost</c> (which means 127.0.0.1).</summary>
internal static class ServeHost
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 4000;

    public static bool TryParse(string? host, out IPAddress address, out string error)
    {
        address = IPAddress.Loopback;
        error = "";
        var text = host?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "--host must not be empty";
            return false;
        }
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }
        if (IPAddress.TryParse(text, out var parsed) && (text.Contains(':') || text.Count(c => c == '.') == 3))
        {
            address = parsed;
            return true;
        }
        error = $"--host '{host}' is not an IP address or 'localhost'";
        return false;
    }

    public static bool IsValidPort(int port) => port is >= 0 and <= 65535;

    /// <summary>
    /// The Host header names a request to a server bound to <paramref name="bound"/> may carry (guards against DNS
    /// rebinding, where a page elsewhere points its own name at this machine): the loopback names, the bound address,
    /// and, bound to every interface, the machine's own addresses and host name. Anything else is refused.
    /// </summary>
    public static Func<string, bool> AllowedHosts(IPAddress bound)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { bound.ToString() };
        if (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any))
        {
            try
            {
                foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses))
                {
                    names.Add(address.Address.ToString());
                }
            }
            catch (NetworkInformationException)
            {
                // The interfaces cannot be listed here: the host name and loopback still work.
            }
            var host = Dns.GetHostName();
            names.Add(host);
            names.Add(host + ".local");
        }
        return header =>
        {
            if (IsLoopbackName(header))
            {
                return true;
            }
            var literal = header.StartsWith('[') && header.EndsWith(']') ? header[1..^1] : header;
            return names.Contains(IPAddress.TryParse(literal, out var ip) ? ip.ToString() : literal.TrimEnd('.'));
        };
    }

    /// <summary>True for Host headers that name this machine's loopback (guards a loopback server against DNS rebinding).</summary>
    public static bool IsLoopbackName(string host)
    {
        if (host.Length == 0 || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var ip) && IPAddress.IsLoopback(ip);
    }
}
