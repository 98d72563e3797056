using Microsoft.Playwright;

namespace Crosswalk.Cli.Tests.Browser;

/// <summary>
/// Headless Chromium for the browser tests: Debian's /usr/bin/chromium, never a downloaded browser. Where it is absent
/// a test fails saying what to install (.ci/run installs it).
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public const float Timeout = 15_000;

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>The switches known to work on this machine's headless Chromium.</summary>
    public static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

    /// <summary>
    /// Waits until <paramref name="page"/> shows <paramref name="url"/>, by its URL alone: Playwright's wait for a load
    /// state of a file:// page reached by a click timed out now and then under load (in CI too) with the page long
    /// shown. What a test checks next waits for itself.
    /// </summary>
    public static Task ArrivedAsync(IPage page, string url) => Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Timeout });

    /// <inheritdoc cref="ArrivedAsync(IPage, string)"/>
    public static Task ArrivedAsync(IPage page, System.Text.RegularExpressions.Regex url) => Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Timeout });

    /// <summary>Fails the test, saying what to install, when the browser is absent.</summary>
    public static void RequireInstalled() => Assert.True(File.Exists(ExecutablePath),
        $"headless Chromium is not installed at {ExecutablePath}: install Debian's package with `apt-get install -y chromium` (.ci/run does)");

    public static async Task<Chromium> LaunchAsync()
    {
        RequireInstalled();
        // Expect(...) assertions keep their own default of 5 s, which a page's timeout does not change: on a loaded CI
        // machine the first search query, which loads a 10,000-page index, took 4.8 s.
        Assertions.SetDefaultExpectTimeout(Timeout);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Timeout = Timeout,
                Args = Args,
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Goes to <paramref name="url"/> and waits for its first two frames: the theme measures the page in the first
    /// (the sidebar's scroll position, which tables scroll: their focus and region names), not in DOMContentLoaded.
    /// </summary>
    public static async Task GotoPaintedAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))");
    }

    /// <summary>A page in a new context, with the page's script errors collected into <paramref name="errors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> errors, int width = 1200, int height = 800, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        page.PageError += (_, error) => errors.Add(error);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
