using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Crosswalk.Benchmarks;

/// <summary>Headless Chromium for <c>serve-latency</c> and <c>search-latency</c>: Debian's, never a downloaded browser.</summary>
internal static class BenchChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>The switches the tests use on this machine's headless Chromium.</summary>
    private static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Whether the browser is installed; if not, says what to install.</summary>
    public static bool Installed(TextWriter log)
    {
        if (File.Exists(Path))
        {
            return true;
        }
        log.WriteLine($"headless Chromium is not installed at {Path} (apt-get install -y chromium)");
        return false;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Path,
        Headless = true,
        Args = Args,
    });

    /// <summary>The page's script errors, as they are reported (on Playwright's thread, while the runner reads).</summary>
    public static ConcurrentQueue<string> CollectErrors(IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, e) => errors.Enqueue(e);
        return errors;
    }
}
