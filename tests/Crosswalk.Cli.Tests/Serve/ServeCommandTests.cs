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
        // A test run started as a background job (`dotnet test … &`) ignores SIGINT, and a child inherits that: the server
        // would never see the Ctrl+C. GNU env (which execs, keeping the PID) starts it with SIGINT at its default, as a
        // terminal's foreground job has it.
        string[] serve = [ChildCli.DotnetHost(), "exec", dll, "serve", "--port", "0"];
        var env = OperatingSystem.IsLinux() && File.Exists("/usr/bin/env");
        var start = new ProcessStartInfo(env ? "/usr/bin/env" : serve[0], env ? ["--default-signal=INT", .. serve] : serve[1..])
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
            // Starting a JIT child beside the rest of the suites can take a while on a busy CI machine: the start has
            // its own minute, the stop its own budget below.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
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
            // Well under the host's 30 s shutdown timeout, which a stop that waited on something would run into.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the server did not stop within 20 s of Ctrl+C; its stderr:\n{await stderr}");
            }
            sw.Stop();

            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; stderr:\n{await stderr}");
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {sw.ElapsedMilliseconds} ms; stderr:\n{await stderr}");
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
