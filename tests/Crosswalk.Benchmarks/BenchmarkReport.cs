using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using static Crosswalk.Benchmarks.BenchmarkRunner;

namespace Crosswalk.Benchmarks;

/// <summary>One of issue 18's goals, as measured: <c>Value</c> must be at most <c>Limit</c>.</summary>
internal sealed record Goal(string Form, string Name, double Value, double Limit)
{
    public bool Passed => Value <= Limit;
}

/// <summary>The summary of <c>run</c>: medians per mode, tool and size, ratios to Hugo, growth, issue 18's goals, JSON.</summary>
internal sealed class BenchmarkReport(
    RunOptions options, List<RunResult> results, Dictionary<int, string> timings, List<Subject> subjects, string method, TextWriter log)
{
    private const double MiB = 1048576.0;

    public void Print()
    {
        log.WriteLine("Results (medians; wall time and user+system processor time of the whole process, peak RSS, output on disk by du):");
        log.WriteLine($"  {"mode",-7} {"tool",-9} {"pages",7} {"runs",4} {"wall",9} {"min",7} {"max",7} {"cpu",8} {"user",7} {"system",7} {"peak RSS",9} {"output",9}");
        foreach (var size in options.Sizes)
        {
            foreach (var mode in AllModes)
            {
                foreach (var s in subjects)
                {
                    var rs = Of(mode, s.Name, size);
                    if (rs.Count == 0)
                    {
                        continue;
                    }
                    var walls = rs.Select(r => r.Measurement.Wall.TotalSeconds).ToList();
                    var bytes = Median(rs.Where(r => r.OutputBytes >= 0).Select(r => (double)r.OutputBytes));
                    log.WriteLine($"  {mode,-7} {s.Name,-9} {size,7} {rs.Count,4} {Median(walls),7:F2} s {walls.Min(),7:F2} {walls.Max(),7:F2} " +
                                  $"{Median(rs.Select(r => r.Measurement.CpuSeconds)),6:F2} s {Median(rs.Select(r => r.Measurement.UserSeconds)),7:F2} " +
                                  $"{Median(rs.Select(r => r.Measurement.SystemSeconds)),7:F2} {PeakMiB(mode, s.Name, size),5:F0} MiB " +
                                  $"{(double.IsNaN(bytes) ? "" : $"{bytes / 1e6,6:F0} MB")}");
                }
            }
        }

        var crosswalks = subjects.Where(s => !s.IsHugo).ToList();
        if (subjects.Any(s => s.IsHugo))
        {
            log.WriteLine();
            log.WriteLine("Ratios to Hugo (median wall time; check against Hugo's rebuild):");
            log.WriteLine($"  {"tool",-9} {"pages",7} {"rebuild",8} {"edit",8} {"first",8} {"check",8}");
            foreach (var size in options.Sizes)
            {
                foreach (var s in crosswalks)
                {
                    log.WriteLine($"  {s.Name,-9} {size,7} {F(HugoRatio(Rebuild, s.Name, size)),8} {F(HugoRatio(Edit, s.Name, size)),8} " +
                                  $"{F(HugoRatio(First, s.Name, size)),8} {F(HugoRatio(Check, s.Name, size)),8}");
                }
            }
        }
        if (crosswalks.Count >= 2)
        {
            log.WriteLine();
            log.WriteLine($"Against {crosswalks[0].Name} (median wall time, each other crosswalk / {crosswalks[0].Name}):");
            foreach (var size in options.Sizes)
            {
                foreach (var s in crosswalks.Skip(1))
                {
                    log.WriteLine($"  {s.Name,-9} {size,7} " + string.Join(" ", AllModes.Select(m => $"{m} {F(Ratio(m, s.Name, m, crosswalks[0].Name, size))}")));
                }
            }
        }
        if (options.Sizes.Length >= 2)
        {
            var first = options.Sizes.Min();
            var last = options.Sizes.Max();
            log.WriteLine();
            log.WriteLine($"Growth of median wall time from {first} to {last} pages ({(double)last / first:F0}x pages):");
            foreach (var s in subjects)
            {
                log.WriteLine($"  {s.Name,-9} " + string.Join(" ", AllModes.Where(m => Of(m, s.Name, first).Count > 0 && Of(m, s.Name, last).Count > 0)
                    .Select(m => $"{m} {MedianWall(m, s.Name, last) / MedianWall(m, s.Name, first):F2}x")));
            }
        }

        log.WriteLine();
        log.WriteLine("Goals (issue 18), each crosswalk form:");
        foreach (var g in Goals())
        {
            log.WriteLine($"  {g.Form,-9} {g.Name,-46} {g.Value.ToString(g.Limit >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture),8}  {(g.Passed ? "PASS" : "FAIL")}");
        }
    }

    /// <summary>The goals that this run measured.</summary>
    public List<Goal> Goals()
    {
        var goals = new List<Goal>();
        void Add(string form, string name, double value, double limit)
        {
            if (!double.IsNaN(value))
            {
                goals.Add(new Goal(form, name, value, limit));
            }
        }
        foreach (var s in subjects.Where(s => s.Name is Native or Installed))
        {
            var form = s.Name;
            Add(form, "rebuild at 10000 <= 0.5 x hugo rebuild", HugoRatio(Rebuild, form, 10_000), 0.5);
            Add(form, "first build at 10000 <= 0.4 x hugo first", HugoRatio(First, form, 10_000), 0.4);
            Add(form, "rebuild at 1000 <= 0.7 x hugo rebuild", HugoRatio(Rebuild, form, 1_000), 0.7);
            Add(form, "first build at 1000 <= 0.7 x hugo first", HugoRatio(First, form, 1_000), 0.7);
            Add(form, "check at 10000 <= 0.15 x hugo rebuild", HugoRatio(Check, form, 10_000), 0.15);
            Add(form, "build peak RSS at 10000 <= 400 MiB", BuildPeakMiB(form, 10_000), 400);
            Add(form, "build peak RSS at 100000 <= 2048 MiB", BuildPeakMiB(form, 100_000), 2048);
            Add(form, "first build 100000 <= 12 x 10000", MedianWall(First, form, 100_000) / MedianWall(First, form, 10_000), 12);
            Add(form, "rebuild 100000 <= 12 x 10000", MedianWall(Rebuild, form, 100_000) / MedianWall(Rebuild, form, 10_000), 12);
            Add(form, "output at 10000 <= 300 MB", Median(Of(First, form, 10_000).Concat(Of(Rebuild, form, 10_000))
                .Where(r => r.OutputBytes >= 0).Select(r => (double)r.OutputBytes)) / 1e6, 300);
            // Issue 20: the audit bundle of 1,000 documents in under 30 s and 1 GiB.
            Add(form, "bundle 1000 pages < 30 s", MedianWall(Bundle, form, 1_000), 30);
            Add(form, "bundle 1000 pages peak < 1024 MiB", PeakMiB(Bundle, form, 1_000), 1024);
        }
        return goals;
    }

    public void WriteJson(string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartObject("tools");
        foreach (var s in subjects)
        {
            w.WriteString(s.Name, s.IsHugo ? $"{s.Launcher.Display} ({Tools.FirstLine(s.Launcher.FileName, "version")})" : s.Launcher.Display);
        }
        w.WriteEndObject();
        w.WriteNumber("cores", Environment.ProcessorCount);
        w.WriteString("runtime", RuntimeInfo());
        w.WriteString("measured_with", method);
        w.WriteNumber("seed", options.Seed);
        w.WriteNumber("runs", options.Runs);
        w.WriteNumber("large_runs", options.LargeRuns);
        w.WriteNumber("warmup", options.Warmup);
        w.WriteStartArray("runs_detail");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("mode", r.Mode);
            w.WriteString("tool", r.Tool);
            w.WriteNumber("pages", r.Pages);
            w.WriteNumber("run", r.Run);
            WriteMeasures(w, r.Measurement.Wall.TotalSeconds, r.Measurement.UserSeconds, r.Measurement.SystemSeconds, r.Measurement.PeakRssBytes, r.OutputBytes);
            w.WriteNumber("exit_code", r.Measurement.ExitCode);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("medians");
        foreach (var group in results.GroupBy(r => (r.Mode, r.Tool, r.Pages)))
        {
            var rs = group.ToList();
            w.WriteStartObject();
            w.WriteString("mode", group.Key.Mode);
            w.WriteString("tool", group.Key.Tool);
            w.WriteNumber("pages", group.Key.Pages);
            w.WriteNumber("runs", rs.Count);
            var bytes = Median(rs.Where(r => r.OutputBytes >= 0).Select(r => (double)r.OutputBytes));
            WriteMeasures(w, Median(rs.Select(r => r.Measurement.Wall.TotalSeconds)), Median(rs.Select(r => r.Measurement.UserSeconds)),
                Median(rs.Select(r => r.Measurement.SystemSeconds)), (long)Median(rs.Select(r => (double)r.Measurement.PeakRssBytes)),
                double.IsNaN(bytes) ? -1 : (long)bytes);
            var hugo = HugoRatio(group.Key.Mode, group.Key.Tool, group.Key.Pages);
            if (!double.IsNaN(hugo) && group.Key.Tool != Hugo)
            {
                w.WriteNumber("wall_over_hugo", Math.Round(hugo, 3));
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("goals");
        foreach (var g in Goals())
        {
            w.WriteStartObject();
            w.WriteString("form", g.Form);
            w.WriteString("goal", g.Name);
            w.WriteNumber("value", Math.Round(g.Value, 3));
            w.WriteNumber("limit", g.Limit);
            w.WriteBoolean("pass", g.Passed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (timings.Count > 0)
        {
            w.WriteStartObject("timings");
            foreach (var (size, text) in timings)
            {
                w.WriteString(size.ToString(CultureInfo.InvariantCulture), text);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteMeasures(Utf8JsonWriter w, double wall, double user, double system, long peak, long bytes)
    {
        w.WriteNumber("wall_ms", Math.Round(wall * 1000, 1));
        if (!double.IsNaN(user + system))
        {
            w.WriteNumber("user_ms", Math.Round(user * 1000, 1));
            w.WriteNumber("system_ms", Math.Round(system * 1000, 1));
        }
        w.WriteNumber("peak_rss_bytes", peak);
        if (bytes >= 0)
        {
            w.WriteNumber("output_bytes", bytes);
        }
    }

    private List<RunResult> Of(string mode, string tool, int size) =>
        results.Where(r => r.Mode == mode && r.Tool == tool && r.Pages == size).ToList();

    private double MedianWall(string mode, string tool, int size) => Median(Of(mode, tool, size).Select(r => r.Measurement.Wall.TotalSeconds));

    private double PeakMiB(string mode, string tool, int size) => Median(Of(mode, tool, size).Select(r => (double)r.Measurement.PeakRssBytes)) / MiB;

    /// <summary>The higher of the build modes' median peaks.</summary>
    private double BuildPeakMiB(string tool, int size) =>
        new[] { Rebuild, Edit, First }.Select(m => PeakMiB(m, tool, size)).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();

    private double Ratio(string modeA, string toolA, string modeB, string toolB, int size) => MedianWall(modeA, toolA, size) / MedianWall(modeB, toolB, size);

    /// <summary>A mode's median against Hugo's in the same mode; check against Hugo's rebuild (check writes nothing).</summary>
    private double HugoRatio(string mode, string tool, int size) => Ratio(mode, tool, mode == Check ? Rebuild : mode, Hugo, size);

    // A ratio for the tables; "-" where a mode was not measured.
    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("F2", CultureInfo.InvariantCulture);

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

    public static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
}
