using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Crosswalk.Benchmarks;

/// <summary>Options of <c>search-latency</c>.</summary>
internal sealed record SearchOptions(int Pages, ulong Seed, string WorkDirectory, string? CrosswalkPath, bool NoBuild, bool ReadyToRun);

/// <summary>
/// <c>search-latency</c>: the search box as a reader meets it. Builds a generated corpus, opens its home page from
/// <c>file://</c> in headless Chromium and types queries into the box one key at a time. Reports the first query's wait
/// (the index loaded, inflated and prepared) and, per keystroke, the input handler's time and the time to the next
/// frame (the result list laid out, and the wait for that frame), both timed inside the page.
/// </summary>
internal sealed class SearchLatency(SearchOptions options, TextWriter log)
{
    // Words the generated corpus uses, a criterion id and a query that finds nothing.
    private static readonly string[] Queries = ["access review", "key rotation", "cc6.1", "incident response", "vendor risk assessment", "quarterly evidence", "zzzz"];

    // Types `query` one character at a time; per keystroke [handler ms, to the next frame ms]. The first key, one
    // letter, is typed but not timed: the box waits for a second before it searches.
    private const string TypeQuery = """
        async (query) => {
          const input = document.getElementById('cw-search-input');
          const times = [];
          input.value = query.slice(0, 1);
          input.dispatchEvent(new Event('input'));
          for (let n = 2; n <= query.length; n++) {
            const start = performance.now();
            input.value = query.slice(0, n);
            input.dispatchEvent(new Event('input'));
            const handled = performance.now();
            await new Promise(r => requestAnimationFrame(() => setTimeout(r)));
            times.push([handled - start, performance.now() - start]);
          }
          return times;
        }
        """;

    public async Task<int> ExecuteAsync()
    {
        if (!BenchChromium.Installed(log))
        {
            return 1;
        }
        var crosswalk = Tools.Crosswalk(options.CrosswalkPath, options.NoBuild, options.ReadyToRun, options.WorkDirectory, log);
        var corpus = Tools.Corpus(options.WorkDirectory, "search", options.Pages, options.Seed);
        var site = Path.Combine(Path.GetFullPath(options.WorkDirectory), string.Create(CultureInfo.InvariantCulture, $"search-site-{options.Pages}"));
        log.WriteLine($"crosswalk: {crosswalk.Display}");
        Tools.Run(crosswalk.FileName, crosswalk.With("build", "--config", Path.Combine(corpus.Directory, "site.yml"), "--output", site), log);
        log.WriteLine($"corpus: {corpus.Pages} pages; search index {new FileInfo(Path.Combine(site, "assets", "search-index.js")).Length / 1048576.0:F1} MiB");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = BenchChromium.CollectErrors(page);
        await page.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        log.WriteLine($"browser: {browser.Version}, {page.Url}");

        // The first keystroke loads the index; the wait is until its results are counted.
        var first = Stopwatch.StartNew();
        await page.Locator("#cw-search-input").FillAsync("access");
        await page.WaitForFunctionAsync("() => / results?|could not/.test(document.getElementById('cw-search-status').textContent)", null, new() { Timeout = 120_000 });
        var said = await page.Locator("#cw-search-status").TextContentAsync();
        if (said is null || said.Contains("could not", StringComparison.Ordinal))
        {
            log.WriteLine($"the search box said: {said}");
            return 1;
        }
        log.WriteLine($"first query, the index loaded: {first.Elapsed.TotalMilliseconds:F0} ms");
        await page.Locator("#cw-search-input").FillAsync("");

        var handler = new List<double>();
        var frame = new List<double>();
        foreach (var query in Queries)
        {
            var times = await page.EvaluateAsync<double[][]>(TypeQuery, query);
            var status = await page.Locator("#cw-search-status").TextContentAsync();
            handler.AddRange(times.Select(t => t[0]));
            frame.AddRange(times.Select(t => t[1]));
            log.WriteLine($"  {query,-24} {status,-28} per key, handler ms: {string.Join(" ", times.Select(t => t[0].ToString("F1", CultureInfo.InvariantCulture)))}");
        }
        foreach (var e in errors.Distinct().Take(5))
        {
            log.WriteLine($"  page error: {e}");
        }
        log.WriteLine($"search at {corpus.Pages} pages, {handler.Count} keystrokes: handler median {BenchmarkReport.Median(handler):F1} ms " +
                      $"(p90 {Percentile(handler, 0.9):F1}, max {handler.Max():F1}); to the next frame median {BenchmarkReport.Median(frame):F1} ms " +
                      $"(p90 {Percentile(frame, 0.9):F1}, max {frame.Max():F1})");
        return errors.IsEmpty ? 0 : 1;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
