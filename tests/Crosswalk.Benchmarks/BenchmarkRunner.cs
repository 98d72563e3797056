using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crosswalk.Benchmarks;

/// <summary>Options of <c>run</c>.</summary>
internal sealed record RunOptions(
    int[] Sizes, int Runs, int Warmup, ulong Seed, string WorkDirectory, string? CrosswalkPath, bool NoBuild,
    bool ReadyToRun, string? HugoPath, string? JsonPath, bool Timings, bool KeepOutput, string? BaselinePath = null);

/// <summary>One timed run of one tool.</summary>
internal sealed record RunResult(string Tool, int Pages, int Run, Measurement Measurement);

/// <summary>
/// <c>run</c>: for each size, generates the corpus once, then alternates cold whole-process runs of
/// <c>crosswalk build</c>, <c>crosswalk check</c>, <c>crosswalk bundle</c> and <c>hugo</c>, and reports medians and ratios.
/// </summary>
internal sealed partial class BenchmarkRunner(RunOptions options, TextWriter log)
{
    public const string Build = "crosswalk build";
    public const string Check = "crosswalk check";
    public const string Bundle = "crosswalk bundle";
    public const string HugoTool = "hugo";
    public const string BaselineBuild = "baseline build";
    public const string BaselineCheck = "baseline check";

    private readonly List<RunResult> _results = [];
    private readonly Dictionary<int, string> _timings = [];

    public int Execute()
    {
        var work = Path.GetFullPath(options.WorkDirectory);
        Directory.CreateDirectory(work);
        var crosswalk = Tools.Crosswalk(options.CrosswalkPath, options.NoBuild, options.ReadyToRun, options.WorkDirectory, log);
        var hugo = Tools.Hugo(options.HugoPath);
        var meter = new ProcessMeter(work);
        // Another crosswalk (an earlier commit's) alternated with this one: before and after from the same run.
        var baseline = options.BaselinePath is null ? null : Tools.Crosswalk(options.BaselinePath, skipBuild: true, readyToRun: false, options.WorkDirectory, log);

        log.WriteLine($"crosswalk: {crosswalk.Display}");
        if (baseline is not null)
        {
            log.WriteLine($"baseline: {baseline.Display}");
        }
        if (hugo is null)
        {
            log.WriteLine(options.HugoPath is null
                ? "hugo: not found on PATH (apt-get install -y hugo); skipping Hugo"
                : $"hugo: '{options.HugoPath}' not found; skipping Hugo");
        }
        else
        {
            log.WriteLine($"hugo: {hugo} ({Tools.FirstLine(hugo, "version") ?? "version unknown"})");
        }
        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}; memory: {meter.Method}");
        log.WriteLine($"sizes: {string.Join(", ", options.Sizes)}; runs: {options.Runs} (+{options.Warmup} warm-up); seed: {options.Seed}");
        log.WriteLine();

        string[] tools = [Build, Check, Bundle, .. baseline is null ? Array.Empty<string>() : [BaselineBuild, BaselineCheck], .. hugo is null ? Array.Empty<string>() : [HugoTool]];
        // Every run writes into a new folder and none is deleted until all runs are done: see README.md, "Deleting
        // between runs" (on ext4 without a journal, deleting a site slows down creating the next one for minutes).
        var outputs = Path.Combine(work, "outputs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
        var outputCount = 0;
        string NewOutput(string label, int size) =>
            Path.Combine(outputs, string.Create(CultureInfo.InvariantCulture, $"{++outputCount:000}-{label}-{size}"));
        try
        {
            foreach (var size in options.Sizes)
            {
                var corpusDir = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"corpus-{size}"));
                var sw = Stopwatch.StartNew();
                var corpus = CorpusGenerator.Generate(size, options.Seed, corpusDir);
                log.WriteLine($"[{size} pages] corpus: {corpus.Folders} folders, {corpus.Links} links, " +
                              $"{corpus.MarkdownBytes / 1048576.0:F1} MiB Markdown in {corpusDir} ({sw.Elapsed.TotalSeconds:F1} s)");
                var siteYml = Path.Combine(corpusDir, "site.yml");
                var hugoSource = Path.Combine(corpusDir, "hugo");

                Measurement RunTool(string tool, string label)
                {
                    // What the last run wrote is flushed to disk first, so its writeback does not run during this one.
                    Sync();
                    return tool switch
                    {
                        Build => meter.Run(crosswalk.FileName, crosswalk.With("build", "--config", siteYml, "--output", NewOutput(label + "-crosswalk", size))),
                        Check => meter.Run(crosswalk.FileName, crosswalk.With("check", "--config", siteYml)),
                        // A fixed date: every run writes the same bundle (issue 20).
                        Bundle => meter.Run(crosswalk.FileName, crosswalk.With("bundle", "--config", siteYml, "--output", NewOutput(label + "-bundle", size), "--date", "2026-01-01")),
                        BaselineBuild => meter.Run(baseline!.FileName, baseline.With("build", "--config", siteYml, "--output", NewOutput(label + "-baseline", size))),
                        BaselineCheck => meter.Run(baseline!.FileName, baseline.With("check", "--config", siteYml)),
                        _ => meter.Run(hugo!, ["--source", hugoSource, "--destination", NewOutput(label + "-hugo", size), "--quiet"]),
                    };
                }

                for (var w = 0; w < options.Warmup; w++)
                {
                    foreach (var tool in tools)
                    {
                        var m = RunTool(tool, "warmup");
                        log.WriteLine($"  warm-up {tool,-16} {m.Wall.TotalSeconds,7:F2} s {m.PeakRssBytes / 1048576.0,8:F0} MiB  exit {m.ExitCode}  {Summary(tool, m)}");
                        WarnOnFailure(tool, m);
                    }
                }
                for (var run = 1; run <= options.Runs; run++)
                {
                    // Rotate the order each round so no tool always runs first (page cache, CPU boost).
                    for (var k = 0; k < tools.Length; k++)
                    {
                        var tool = tools[(run - 1 + k) % tools.Length];
                        var m = RunTool(tool, "run");
                        _results.Add(new RunResult(tool, size, run, m));
                        log.WriteLine($"  run {run,-3} {tool,-16} {m.Wall.TotalSeconds,7:F2} s {m.PeakRssBytes / 1048576.0,8:F0} MiB  exit {m.ExitCode}");
                        WarnOnFailure(tool, m);
                    }
                }
                if (options.Timings)
                {
                    Sync();
                    var m = meter.Run(crosswalk.FileName, crosswalk.With("build", "--config", siteYml, "--output", NewOutput("timings-crosswalk", size), "--timings"));
                    _timings[size] = m.StderrTail;
                    log.WriteLine($"  crosswalk build --timings ({m.Wall.TotalSeconds:F2} s wall, {m.PeakRssBytes / 1048576.0:F0} MiB peak):");
                    foreach (var line in m.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        log.WriteLine("    " + line.TrimStart());
                    }
                }
                log.WriteLine();
            }
        }
        finally
        {
            if (options.KeepOutput)
            {
                log.WriteLine($"outputs kept in {outputs}");
            }
            else
            {
                DeleteDirectory(outputs);
            }
        }

        PrintReport(tools);
        if (options.JsonPath is not null)
        {
            WriteJson(options.JsonPath, crosswalk, hugo, meter);
            log.WriteLine($"wrote {options.JsonPath}");
        }
        return 0;
    }

    private void PrintReport(string[] tools)
    {
        log.WriteLine("Results (median of runs; wall time of the whole process, peak RSS):");
        log.WriteLine($"  {"tool",-16} {"pages",7} {"runs",4} {"median",9} {"min",8} {"max",8} {"peak RSS",10}");
        foreach (var size in options.Sizes)
        {
            foreach (var tool in tools)
            {
                var rs = Of(tool, size);
                if (rs.Count == 0)
                {
                    continue;
                }
                var walls = rs.Select(r => r.Measurement.Wall.TotalSeconds).ToList();
                log.WriteLine($"  {tool,-16} {size,7} {rs.Count,4} {Median(walls),7:F2} s {walls.Min(),6:F2} s {walls.Max(),6:F2} s " +
                              $"{Median(rs.Select(r => (double)r.Measurement.PeakRssBytes)) / 1048576.0,6:F0} MiB");
            }
        }

        if (tools.Contains(HugoTool))
        {
            log.WriteLine();
            log.WriteLine("Ratios (median wall time):");
            log.WriteLine($"  {"pages",7} {"build/hugo",11} {"check/hugo",11}");
            foreach (var size in options.Sizes)
            {
                log.WriteLine($"  {size,7} {Ratio(Build, HugoTool, size),11:F2} {Ratio(Check, HugoTool, size),11:F2}");
            }
        }

        if (tools.Contains(BaselineBuild))
        {
            log.WriteLine();
            log.WriteLine("Against the baseline (median wall time, this crosswalk / baseline):");
            log.WriteLine($"  {"pages",7} {"build",11} {"check",11}");
            foreach (var size in options.Sizes)
            {
                log.WriteLine($"  {size,7} {Ratio(Build, BaselineBuild, size),11:F2} {Ratio(Check, BaselineCheck, size),11:F2}");
            }
        }

        if (options.Sizes.Length >= 2)
        {
            var first = options.Sizes.Min();
            var last = options.Sizes.Max();
            log.WriteLine();
            log.WriteLine($"Growth of median wall time from {first} to {last} pages ({(double)last / first:F0}x pages):");
            foreach (var tool in tools)
            {
                log.WriteLine($"  {tool,-16} {Growth(tool, first, last),6:F2}x");
            }
        }

        // Issue 7's goals, evaluated at the largest size measured.
        var top = options.Sizes.Max();
        log.WriteLine();
        log.WriteLine($"Goals (issues 7 and 20) at {top} pages:");
        if (tools.Contains(HugoTool))
        {
            Goal("build <= 0.5 x hugo build", Ratio(Build, HugoTool, top), 0.5, "F2");
            Goal("check <= 0.3 x hugo build", Ratio(Check, HugoTool, top), 0.3, "F2");
        }
        var rss = Of(Build, top).Select(r => (double)r.Measurement.PeakRssBytes).ToList();
        if (rss.Count > 0)
        {
            Goal("build peak RSS <= 512 MiB", Median(rss) / 1048576.0, 512, "F0");
        }
        // Issue 20: the audit bundle of 1,000 documents in under 30 s and 1 GiB.
        if (Of(Bundle, 1000).Count > 0)
        {
            Goal("bundle 1,000 pages < 30 s", MedianWall(Bundle, 1000), 30, "F2");
            Goal("bundle 1,000 pages peak < 1024 MiB", Median(Of(Bundle, 1000).Select(r => (double)r.Measurement.PeakRssBytes)) / 1048576.0, 1024, "F0");
        }
        if (options.Sizes.Length >= 2 && options.Sizes.Min() * 10 == top)
        {
            Goal("build growth 10x pages <= 11x", Growth(Build, options.Sizes.Min(), top), 11, "F2");
        }
    }

    private void Goal(string name, double value, double limit, string format) =>
        log.WriteLine($"  {name,-32} {value.ToString(format, CultureInfo.InvariantCulture),8}  {(double.IsNaN(value) ? "n/a" : value <= limit ? "PASS" : "FAIL")}");

    private List<RunResult> Of(string tool, int size) => _results.Where(r => r.Tool == tool && r.Pages == size).ToList();

    private double MedianWall(string tool, int size) => Median(Of(tool, size).Select(r => r.Measurement.Wall.TotalSeconds));

    private double Ratio(string a, string b, int size) => MedianWall(a, size) / MedianWall(b, size);

    private double Growth(string tool, int from, int to) => MedianWall(tool, to) / MedianWall(tool, from);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private void WarnOnFailure(string tool, Measurement m)
    {
        if (m.ExitCode != 0)
        {
            log.WriteLine($"  WARNING: {tool} exited with {m.ExitCode}; the corpus should be valid. Last output:");
            foreach (var line in (m.StdoutTail + m.StderrTail).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(12))
            {
                log.WriteLine("    " + line);
            }
        }
    }

    /// <summary>Crosswalk's own summary line ("built: N pages, E errors, ...") for the warm-up log.</summary>
    private static string Summary(string tool, Measurement m) =>
        tool == HugoTool ? "" : m.StderrTail.Split('\n').LastOrDefault(l => SummaryLine().IsMatch(l))?.Trim() ?? "";

    [GeneratedRegex(@"^(built|checked|not written): ")]
    private static partial Regex SummaryLine();

    private static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";

    /// <summary>Runs <c>sync</c> where there is one: dirty pages are written out before a timed run starts.</summary>
    private static void Sync()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            p?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync command (not a Unix system): runs are simply not isolated from earlier writes.
        }
    }

    private static void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void WriteJson(string path, Launcher crosswalk, string? hugo, ProcessMeter meter)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("crosswalk", crosswalk.Display);
        w.WriteString("hugo", hugo is null ? null : Tools.FirstLine(hugo, "version"));
        w.WriteNumber("cores", Environment.ProcessorCount);
        w.WriteString("runtime", RuntimeInfo());
        w.WriteString("memory_method", meter.Method);
        w.WriteNumber("seed", options.Seed);
        w.WriteNumber("runs", options.Runs);
        w.WriteNumber("warmup", options.Warmup);
        w.WriteStartArray("runs_detail");
        foreach (var r in _results)
        {
            w.WriteStartObject();
            w.WriteString("tool", r.Tool);
            w.WriteNumber("pages", r.Pages);
            w.WriteNumber("run", r.Run);
            w.WriteNumber("wall_ms", Math.Round(r.Measurement.Wall.TotalMilliseconds, 1));
            w.WriteNumber("peak_rss_bytes", r.Measurement.PeakRssBytes);
            w.WriteNumber("exit_code", r.Measurement.ExitCode);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("medians");
        foreach (var size in options.Sizes)
        {
            foreach (var tool in new[] { Build, Check, Bundle, HugoTool })
            {
                var rs = Of(tool, size);
                if (rs.Count == 0)
                {
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("tool", tool);
                w.WriteNumber("pages", size);
                w.WriteNumber("wall_ms", Math.Round(Median(rs.Select(r => r.Measurement.Wall.TotalMilliseconds)), 1));
                w.WriteNumber("peak_rss_bytes", (long)Median(rs.Select(r => (double)r.Measurement.PeakRssBytes)));
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStartObject("ratios");
        foreach (var size in options.Sizes.Where(s => Of(HugoTool, s).Count > 0))
        {
            w.WriteStartObject(size.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("build_over_hugo", Math.Round(Ratio(Build, HugoTool, size), 3));
            w.WriteNumber("check_over_hugo", Math.Round(Ratio(Check, HugoTool, size), 3));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        if (options.Sizes.Length >= 2)
        {
            var first = options.Sizes.Min();
            var last = options.Sizes.Max();
            w.WriteStartObject("growth");
            w.WriteNumber("from_pages", first);
            w.WriteNumber("to_pages", last);
            foreach (var tool in new[] { Build, Check, Bundle, HugoTool }.Where(t => Of(t, first).Count > 0 && Of(t, last).Count > 0))
            {
                w.WriteNumber(tool, Math.Round(Growth(tool, first, last), 3));
            }
            w.WriteEndObject();
        }
        if (_timings.Count > 0)
        {
            w.WriteStartObject("timings");
            foreach (var (size, text) in _timings)
            {
                w.WriteString(size.ToString(CultureInfo.InvariantCulture), text);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
