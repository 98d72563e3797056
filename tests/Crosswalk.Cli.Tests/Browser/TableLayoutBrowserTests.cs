using Microsoft.Playwright;

namespace Crosswalk.Cli.Tests.Browser;

/// <summary>
/// Tables and the table of contents on the repository's own site, read from disk in headless Chromium: a table scrolls
/// only when its content cannot be narrower than the column, a scrolling table is reached and scrolled by keyboard
/// and shows where more is hidden, and the contents folded on a phone do not move the page.
/// </summary>
public sealed class TableLayoutBrowserTests
{
    // For each table whose scroller scrolls sideways: the narrowest its content can be laid out (a copy with no CSS
    // minimum widths, at min-content) against the width of the column it stands in.
    private const string TablesScrollingWithoutNeed = """
        () => Array.from(document.querySelectorAll('.cw-article .cw-table-scroll')).flatMap(scroller => {
          if (scroller.scrollWidth - scroller.clientWidth <= 1) return [];
          const table = scroller.querySelector('table');
          const frame = scroller.parentElement;
          const copy = table.cloneNode(true);
          copy.querySelectorAll('th, td').forEach(c => c.style.minWidth = '0');
          copy.style.cssText = 'display: table; width: min-content; position: absolute; visibility: hidden; left: 0; top: 0';
          frame.parentElement.appendChild(copy);
          const need = copy.getBoundingClientRect().width;
          copy.remove();
          const column = frame.parentElement.clientWidth;
          return need + 2 <= column ? [`${table.rows[0].textContent.trim().replace(/\s+/g, ' ').slice(0, 60)}: needs ${need}px, column ${column}px`] : [];
        })
        """;

    [Fact]
    public async Task At_1366_px_no_table_scrolls_unless_its_content_is_wider_than_the_column()
    {
        using var site = DiskSite.OfRepository();
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("criteria/", StringComparison.Ordinal) || p.Count(c => c == '/') <= 2)
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors, 1366, 900);
        var problems = new List<string>();
        var tables = 0;
        foreach (var path in pages)
        {
            await Chromium.GotoPaintedAsync(page, site.Url(path));
            tables += await page.Locator(".cw-article .cw-table-scroll").CountAsync();
            problems.AddRange((await page.EvaluateAsync<string[]>(TablesScrollingWithoutNeed)).Select(p => $"{path}: {p}"));
        }
        Assert.True(pages.Count >= 20, $"{pages.Count} pages");
        Assert.True(tables >= 60, $"{tables} tables");
        Assert.Empty(problems);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_a_wide_table_is_reached_by_tab_scrolled_by_arrow_keys_and_shows_what_is_hidden()
    {
        using var site = DiskSite.OfRepository();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors, 390, 844);
        await Chromium.GotoPaintedAsync(page, site.Url("compliance/access-control-policy/index.html"));
        var scroller = page.Locator(".cw-table-scroll[tabindex='0']").First;
        Assert.Equal("region", await scroller.GetAttributeAsync("role"));
        Assert.EndsWith("(table)", await scroller.GetAttributeAsync("aria-label"));
        var frame = page.Locator(".cw-table-frame", new() { Has = page.Locator(".cw-table-scroll[tabindex='0']") }).First;
        Assert.Matches("can-scroll-right", await frame.GetAttributeAsync("class"));
        Assert.DoesNotMatch("can-scroll-left", await frame.GetAttributeAsync("class"));

        // Tab until the first scrolling table has focus.
        var reached = false;
        for (var i = 0; i < 300 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await scroller.EvaluateAsync<bool>("e => document.activeElement === e");
        }
        Assert.True(reached, "Tab never reached the scrolling table");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync("e => e.scrollLeft > 0", await scroller.ElementHandleAsync());
        await Assertions.Expect(frame).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("can-scroll-left"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task On_a_phone_the_contents_are_folded_from_the_first_paint_so_nothing_shifts()
    {
        using var site = DiskSite.OfRepository();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors, 390, 844);
        await Chromium.GotoPaintedAsync(page, site.Url("compliance/index.html"));

        var folded = await page.EvaluateAsync<bool>("() => !document.querySelector('.cw-toc-details').open");
        Assert.True(folded, "the contents should be folded on a phone");
        // The page as written, before the script takes the fold over (<details open>, no data-cw-ready), looks exactly
        // as the folded contents do: so folding it moves nothing.
        var heights = await page.EvaluateAsync<double[]>("""
            () => {
              const d = document.querySelector('.cw-toc-details');
              const folded = d.getBoundingClientRect().height;
              d.removeAttribute('data-cw-ready');
              d.open = true;
              const asWritten = d.getBoundingClientRect().height;
              return [folded, asWritten];
            }
            """);
        Assert.Equal(heights[0], heights[1]);
        var shift = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              let total = 0;
              new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(total), 300);
            })
            """);
        Assert.True(shift < 0.01, $"cumulative layout shift {shift}");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_printed_coverage_matrix_holds_every_row()
    {
        using var site = DiskSite.OfRepository();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors, 1366, 900);
        await Chromium.GotoPaintedAsync(page, site.Url("criteria/soc2-tsc-2017/index.html"));
        var scroller = page.Locator(".cw-table-frame.is-matrix > .cw-table-scroll");
        Assert.True(await scroller.EvaluateAsync<bool>("e => e.scrollHeight > e.clientHeight + 1"), "on screen the matrix scrolls inside its frame");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.True(await scroller.EvaluateAsync<bool>("e => e.scrollHeight <= e.clientHeight + 1 && getComputedStyle(e).overflowY === 'visible'"),
            "printed, the matrix must not be cut to a scroll box");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Scrolling_tables_under_one_heading_get_names_of_their_own()
    {
        var wide = "| " + string.Join(" | ", Enumerable.Range(1, 12).Select(i => $"Column{i}")) + " |\n|" + string.Concat(Enumerable.Repeat("---|", 12)) + "\n| "
            + string.Join(" | ", Enumerable.Range(1, 12).Select(i => $"value-number-{i}")) + " |\n";
        using var site = DiskSite.Of(new Dictionary<string, string>
        {
            ["site.yml"] = "title: T\nseverity: { CW2005: off, CW5002: off }\n",
            ["content/index.md"] = $"# Home\n\n{wide}\n## Things\n\n{wide}\nText.\n\n{wide}",
        });
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors, 390, 844);

        await Chromium.GotoPaintedAsync(page, site.Url("index.html"));

        var names = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('.cw-table-scroll[role=region]')).map(e => e.getAttribute('aria-label'))");
        Assert.Equal(["Home (table)", "Things (table)", "Things (table 2)"], names);
        Assert.Empty(errors);
    }
}
