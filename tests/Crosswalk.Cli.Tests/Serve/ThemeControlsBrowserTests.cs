using Microsoft.Playwright;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>The theme's light/dark toggle and code copy buttons in headless Chromium (Debian's /usr/bin/chromium).</summary>
public sealed class ThemeControlsBrowserTests
{
    private const float Timeout = 15_000;

    private static Dictionary<string, string> Files()
    {
        var files = ServeSite.DefaultFiles();
        files["content/a.md"] = "---\ntitle: Page A\n---\n## Section\n\n```sh\necho copied-text\n```\n";
        return files;
    }

    [Fact]
    public async Task The_theme_toggle_overrides_the_system_scheme_and_the_choice_survives_a_reload()
    {
        await using var site = await ServeSite.StartAsync(Files());
        await using var chromium = await Browser.Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var context = await browser.NewContextAsync(new() { ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(site.Url, "/a/").ToString());

        var toggle = page.Locator("button[data-cw-theme-toggle]");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToBeVisibleAsync();
        var lightBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

        await toggle.ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var darkBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual(lightBackground, darkBackground);

        // The stored choice is on <html> before the first paint after a reload: read as the document's first script runs.
        await page.AddInitScriptAsync("document.addEventListener('readystatechange', () => { if (!window.__firstTheme) window.__firstTheme = document.documentElement.getAttribute('data-theme') || 'none'; });");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => window.__firstTheme"));
        Assert.Equal(darkBackground, await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        // Back to what the system shows: the choice is forgotten and the page follows the system again.
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('cw-theme')"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_code_block_gets_a_copy_button_that_announces_the_copy()
    {
        await using var site = await ServeSite.StartAsync(Files());
        await using var chromium = await Browser.Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var context = await browser.NewContextAsync();
        // Headless clipboards may refuse: granted where the browser allows it, and the announcement is what is checked.
        try { await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]); } catch (PlaywrightException) { }
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(new Uri(site.Url, "/a/").ToString());

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Copy code" });
        await Assertions.Expect(button).ToHaveCountAsync(1);
        var status = page.Locator(".cw-code [role=status]");
        await Assertions.Expect(status).ToHaveTextAsync("");

        await page.Locator(".cw-code").HoverAsync();
        await button.ClickAsync();

        await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Copied|Copy failed)$"));
        var state = await page.Locator(".cw-copy-button").GetAttributeAsync("data-state");
        Assert.Contains(state, new[] { "copied", "failed" });
        if (state == "copied")
        {
            Assert.Equal("Copied", await status.TextContentAsync());
            var clipboard = await page.EvaluateAsync<string?>("() => navigator.clipboard.readText().catch(() => null)");
            Assert.True(clipboard is null or "echo copied-text", clipboard);
        }
    }
}
