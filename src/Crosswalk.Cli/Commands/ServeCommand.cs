using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Crosswalk.Cli.Serve;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk serve</c>: live preview on loopback, rebuilt in memory on every change.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("serve",
            "Preview the site: build it in memory, serve it on loopback, rebuild on every change and reload open pages.");
        var config = CommonOptions.Config();
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on: an IP address or localhost. Anything but loopback exposes the preview to the network.",
            DefaultValueFactory = _ => ServeHost.DefaultHost,
            HelpName = "HOST",
        };
        host.Validators.Add(r =>
        {
            if (!ServeHost.TryParse(r.GetValueOrDefault<string>(), out _, out var error))
            {
                r.AddError(error);
            }
        });
        var port = new Option<int>("--port", "-p")
        {
            Description = "Port to listen on (0: any free port).",
            DefaultValueFactory = _ => ServeHost.DefaultPort,
            HelpName = "PORT",
            // The parser's own message names System.Int32; a person typed a port.
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && ServeHost.IsValidPort(value))
                {
                    return value;
                }
                r.AddError($"--port must be a number from 0 to 65535 (0 picks a free port), not '{text}'");
                return 0;
            },
        };
        var verbose = CommonOptions.Verbose("List infos in full, which files changed before each rebuild, and stack traces of internal errors.");
        var noIncremental = new Option<bool>("--no-incremental")
        {
            Description = "Rebuild the whole site on every change (to rule out the incremental preview when something looks stale)",
        };
        command.Options.Add(config);
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(verbose);
        command.Options.Add(noIncremental);
        var today = CommonOptions.Today();
        var noHistory = CommonOptions.NoHistory();
        command.Options.Add(today);
        command.Options.Add(noHistory);

        command.SetAction(parse =>
        {
            var configPath = parse.GetValue(config);
            var options = new BuildOptions
            {
                ConfigPath = configPath ?? "site.yml",
                AllowMissingConfig = configPath is null,
                // Fixed for the session: every rebuild judges reviews on the same day, as a fresh build started now would.
                Today = parse.GetValue(today) ?? DateOnly.FromDateTime(DateTime.Now),
                History = !parse.GetValue(noHistory),
            };
            var serverOptions = new PreviewServerOptions { Verbose = parse.GetValue(verbose), Incremental = !parse.GetValue(noIncremental) };
            if (EmptyFolder.Message(options) is { } empty)
            {
                stderr.WriteLine(empty);
                return CrosswalkCli.ExitUsage;
            }
            return Run(options, parse.GetValue(host) ?? ServeHost.DefaultHost, parse.GetValue(port), serverOptions, stdout, stderr);
        });
        return command;
    }

    private static int Run(BuildOptions options, string host, int port, PreviewServerOptions serverOptions, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // The first Ctrl+C stops cleanly; a second one while stopping terminates as usual.
            context.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var server = new PreviewServer(options, stdout, stderr, serverOptions);
        try
        {
            var first = server.BuildInitial();
            if (first.Result.ProfileNote is { } note)
            {
                stderr.WriteLine(Output.SafeText.Terminal(note));
            }
            if (!first.Result.ConfigUsable)
            {
                stderr.WriteLine("crosswalk: site.yml is unusable; nothing to serve");
                return CrosswalkCli.ExitUsage;
            }
            Uri url;
            try
            {
                url = server.StartAsync(host, port, stop.Token).GetAwaiter().GetResult();
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"crosswalk: cannot listen on {Endpoint(host, port)}: {ex.Message}");
                return CrosswalkCli.ExitUsage;
            }
            catch (SocketException ex)
            {
                stderr.WriteLine($"crosswalk: cannot listen on {Endpoint(host, port)}: {ex.Message}");
                return CrosswalkCli.ExitUsage;
            }
            stdout.WriteLine($"Serving {server.Site.Config?.Title ?? "the site"} at {url} (Ctrl+C to stop)");
            server.Completion.Wait(CancellationToken.None);
            stderr.WriteLine("stopped");
            return CrosswalkCli.ExitOk;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Endpoint(string host, int port) =>
        IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]:{port}" : $"{host}:{port}";
}
