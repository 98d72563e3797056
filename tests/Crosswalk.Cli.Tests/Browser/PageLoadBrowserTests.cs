namespace Crosswalk.Cli.Tests.Browser;

/// <summary>
/// What the theme's scripts cost a page as it loads, in headless Chromium: its DOMContentLoaded handlers change the
/// page but read no layout (which would lay the page out there, and again after their changes); the first frame and
/// the tables' resize observers read it, after the layout the frame does anyway.
/// </summary>
public sealed class PageLoadBrowserTests
{
    // Before any page script: every read of layout while DOMContentLoaded's handlers run (from the first listener on
    // the document to the last on the window, where the event ends), named.
    private const string RecordLayoutReads = """
        (function () {
          window.__layoutReads = [];
          var during = false;
          document.addEventListener('DOMContentLoaded', function () { during = true; });
          window.addEventListener('DOMContentLoaded', function () { during = false; });
          function watch(proto, name) {
            var d = Object.getOwnPropertyDescriptor(proto, name);
            if (!d) return;
            if (typeof d.value === 'function') {
              var f = d.value;
              proto[name] = function () { if (during) window.__layoutReads.push(name); return f.apply(this, arguments); };
            } else if (d.get) {
              Object.defineProperty(proto, name, { configurable: true, enumerable: d.enumerable, set: d.set,
                get: function () { if (during) window.__layoutReads.push(name); return d.get.call(this); } });
            }
          }
          ['getBoundingClientRect', 'getClientRects', 'scrollWidth', 'scrollHeight', 'clientWidth', 'clientHeight', 'scrollTop', 'scrollLeft']
            .forEach(function (n) { watch(Element.prototype, n); });
          ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft'].forEach(function (n) { watch(HTMLElement.prototype, n); });
          watch(Element.prototype, 'scrollIntoView');
          watch(window, 'getComputedStyle');
        })();
        """;

    [Fact]
    public async Task The_themes_DOMContentLoaded_handlers_read_no_layout_and_the_first_frames_finish_the_page()
    {
        using var site = DiskSite.OfRepository();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        // Narrow: the policy's tables scroll sideways, so their scrollers become named, focusable regions.
        var page = await chromium.NewPageAsync(errors, 390, 844);
        await page.AddInitScriptAsync(RecordLayoutReads);

        await Chromium.GotoPaintedAsync(page, site.Url("compliance/access-control-policy/index.html"));

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__layoutReads"));
        // What the handlers left for the first frames was done there.
        Assert.True(await page.Locator(".cw-table-scroll[role='region'][tabindex='0']").CountAsync() > 0);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('js')"));
        Assert.Empty(errors);
    }
}
