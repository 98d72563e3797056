using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary><c>crosswalk serve</c> as a command: argument errors in-process, the real thing as a child process.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crosswalk-serve-cli-tests", Guid.NewGuid().ToString("N"));

    public ServeCommandTests()
    {
        foreach (var (path, text) in ServeSite.DefaultFiles())
        {
            Write(path, text);
        }
    }

    private string Config => Path.Combine(_root, "site.yml");

    private void Write(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new LockedWriter();
        var stderr = new LockedWriter();
        // Bounded: a serve that unexpectedly started would otherwise block the test run.
        var exit = await Task.Run(() => CrosswalkCli.Run(args, stdout, stderr)).WaitAsync(TimeSpan.FromSeconds(30));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--port", "http")]
    [InlineData("--host", "example.com")]
    [InlineData("--host", "")]
    [InlineData("--host", "1")]
    public async Task Bad_host_or_port_exits_2(string option, string value)
    {
        var (exit, _, stderr) = await RunAsync("serve", "--config", Config, option, value);

        Assert.Equal(2, exit);
        Assert.Contains("crosswalk:", stderr);
    }

    [Fact]
    public async Task An_unusable_site_yml_exits_2()
    {
        Write("site.yml", "title: [unclosed\n");

        var (exit, stdout, stderr) = await RunAsync("serve", "--config", Config, "--port", "0");

        Assert.Equal(2, exit);
        Assert.Contains("error CW1001", stdout);
        Assert.Contains("site.yml is unusable", stderr);
    }

    [Fact]
    public async Task A_port_in_use_exits_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, _, stderr) = await RunAsync("serve", "--config", Config, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, exit);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", stderr);
    }

    [Fact]
    public async Task Serve_prints_a_loopback_url_serves_and_stops_cleanly_on_ctrl_c()
    {
        var dll = typeof(CrosswalkCli).Assembly.Location;
        var start = new ProcessStartInfo(ChildCli.DotnetHost(), ["exec", dll, "serve", "--port", "0"])
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? line;
            Match match;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.NotNull(line);
                match = ServingLine().Match(line);
            }
            while (!match.Success);
            var port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

            using var http = new HttpClient();
            var page = await http.GetStringAsync($"http://127.0.0.1:{port}/a/", timeout.Token);
            Assert.Contains("Original text.", page);
            // Listening on loopback only: another address of this machine does not answer.
            foreach (var address in OtherAddresses())
            {
                using var probe = new TcpClient(address.AddressFamily);
                await Assert.ThrowsAnyAsync<SocketException>(async () => await probe.ConnectAsync(address, port, timeout.Token));
            }

            var sw = Stopwatch.StartNew();
            Assert.Equal(0, Kill(process.Id, 2 /* SIGINT */));
            await process.WaitForExitAsync(timeout.Token);
            sw.Stop();

            Assert.Equal(0, process.ExitCode);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {sw.ElapsedMilliseconds} ms");
            Assert.Contains("stopped", await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"^Serving Serve Test at http://127\.0\.0\.1:(\d+)/ \(Ctrl\+C to stop\)$")]
    private static partial Regex ServingLine();

    private static IEnumerable<IPAddress> OtherAddresses() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(u => u.Address)
        .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        .Take(2);

    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
