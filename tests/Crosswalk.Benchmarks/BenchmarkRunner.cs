using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Crosswalk.Benchmarks;

/// <summary>Options of <c>run</c>.</summary>
internal sealed record RunOptions(
    int[] Sizes, int Runs, int LargeRuns, int Warmup, ulong Seed, string WorkDirectory, string[] Modes, string[] Forms,
    string? CrosswalkPath, bool NoBuild, bool ReadyToRun, string? HugoPath, bool NoHugo, string? JsonPath, bool Timings,
    bool KeepOutput, string? BaselinePath = null);

/// <summary>One timed run of one tool in one mode; <paramref name="OutputBytes"/> is -1 when nothing was written.</summary>
internal sealed record RunResult(string Mode, string Tool, int Pages, int Run, Measurement Measurement, long OutputBytes);

/// <summary>A program the runner times: a form of crosswalk, or Hugo.</summary>
internal sealed record Subject(string Name, Launcher Launcher, bool IsHugo);

/// <summary>
/// <c>run</c>: for each size, generates the corpus once, then per mode alternates whole-process runs of each form of
/// crosswalk (the native executable, the installed tool) and Hugo, rotating the order every round, and reports medians,
/// ratios and issue 18's goals (<see cref="BenchmarkReport"/>).
/// </summary>
internal sealed partial class BenchmarkRunner(RunOptions options, TextWriter log)
{
    /// <summary>Build into the folder the same tool built into last time, with no source changed since.</summary>
    public const string Rebuild = "rebuild";

    /// <summary>Build into the same folder after one page's body changed (the same edit for every tool).</summary>
    public const string Edit = "edit";

    /// <summary>Build into a new, empty folder.</summary>
    public const string First = "first";

    /// <summary><c>crosswalk check</c> (writes nothing), alternated with Hugo's rebuild for the ratio.</summary>
    public const string Check = "check";

    /// <summary><c>crosswalk bundle</c> (issue 20).</summary>
    public const string Bundle = "bundle";

    public const string Native = "native";
    public const string Installed = "installed";
    public const string Baseline = "baseline";
    public const string Hugo = "hugo";

    /// <summary>Sizes above this run <see cref="RunOptions.LargeRuns"/> times instead of <see cref="RunOptions.Runs"/>.</summary>
    public const int LargeSize = 10_000;

    public static readonly string[] AllModes = [Rebuild, Edit, First, Check, Bundle];
    public static readonly string[] DefaultModes = [Rebuild, Edit, First, Check];
    public static readonly string[] AllForms = [Native, Installed];

    private readonly List<RunResult> _results = [];
    private readonly Dictionary<int, string> _timings = [];
    private ProcessMeter _meter = null!;
    private string _outputs = "";
    private int _outputCount;

    public int Execute()
    {
        var work = Path.GetFullPath(options.WorkDirectory);
        Directory.CreateDirectory(work);
        _meter = new ProcessMeter(work);
        var subjects = Subjects(work);
        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {BenchmarkReport.RuntimeInfo()}; measured with {_meter.Method}");
        log.WriteLine($"sizes: {string.Join(", ", options.Sizes)}; modes: {string.Join(", ", options.Modes)}; runs: {options.Runs} " +
                      $"({options.LargeRuns} above {LargeSize} pages) after {options.Warmup} warm-up; seed: {options.Seed}");
        log.WriteLine();

        // Nothing is deleted until all runs are done: see README.md, "Deleting between runs" (on ext4 without a journal,
        // deleting a site slows down creating the next one for minutes). What a tool deletes itself is part of its time.
        _outputs = Path.Combine(work, "outputs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
        try
        {
            foreach (var size in options.Sizes)
            {
                RunSize(size, subjects);
            }
        }
        finally
        {
            if (options.KeepOutput)
            {
                log.WriteLine($"outputs kept in {_outputs}");
            }
            else if (Directory.Exists(_outputs))
            {
                Directory.Delete(_outputs, recursive: true);
            }
        }

        var report = new BenchmarkReport(options, _results, _timings, subjects, _meter.Method, log);
        report.Print();
        if (options.JsonPath is not null)
        {
            report.WriteJson(options.JsonPath);
            log.WriteLine($"wrote {options.JsonPath}");
        }
        return 0;
    }

    private List<Subject> Subjects(string work)
    {
        var subjects = new List<Subject>();
        foreach (var form in options.Forms)
        {
            var launcher = form == Installed
                ? InstalledTool.Install(Tools.RepositoryRoot() ?? throw new UsageException("cannot find the repository root (Crosswalk.slnx)"), work, options.NoBuild, log)
                : Tools.Crosswalk(options.CrosswalkPath, options.NoBuild, options.ReadyToRun, work, log);
            subjects.Add(new Subject(form, launcher, IsHugo: false));
            log.WriteLine($"crosswalk {form}: {launcher.Display}");
        }
        if (options.BaselinePath is not null)
        {
            var baseline = Tools.Crosswalk(options.BaselinePath, skipBuild: true, readyToRun: false, work, log);
            subjects.Add(new Subject(Baseline, baseline, IsHugo: false));
            log.WriteLine($"baseline: {baseline.Display}");
        }
        var hugo = options.NoHugo ? null : Tools.Hugo(options.HugoPath);
        if (hugo is null)
        {
            log.WriteLine(options.NoHugo ? "hugo: skipped (--no-hugo)"
                : options.HugoPath is null ? "hugo: not found on PATH (apt-get install -y hugo); skipping Hugo"
                : $"hugo: '{options.HugoPath}' not found; skipping Hugo");
        }
        else
        {
            subjects.Add(new Subject(Hugo, new Launcher(hugo, [], hugo), IsHugo: true));
            log.WriteLine($"hugo: {hugo} ({Tools.FirstLine(hugo, "version") ?? "version unknown"})");
        }
        return subjects;
    }

    private void RunSize(int size, List<Subject> subjects)
    {
        var corpusDir = Path.Combine(Path.GetFullPath(options.WorkDirectory), string.Create(CultureInfo.InvariantCulture, $"corpus-{size}"));
        var sw = Stopwatch.StartNew();
        var corpus = CorpusGenerator.Generate(size, options.Seed, corpusDir);
        log.WriteLine($"[{size} pages] corpus: {corpus.Folders} folders, {corpus.Links} links, " +
                      $"{corpus.MarkdownBytes / 1048576.0:F1} MiB Markdown in {corpusDir} ({sw.Elapsed.TotalSeconds:F1} s)");
        var site = new SiteFiles(Path.Combine(corpusDir, "site.yml"), Path.Combine(corpusDir, "hugo"));
        var runs = size > LargeSize ? options.LargeRuns : options.Runs;
        var crosswalks = subjects.Where(s => !s.IsHugo).ToList();
        // Each tool's own folder for rebuilds, made by its first build (a warm-up).
        var same = subjects.ToDictionary(s => s, s => NewOutput("same-" + s.Name, size));
        var primed = new HashSet<Subject>();
        void Prime(string mode)
        {
            foreach (var s in subjects.Where(primed.Add))
            {
                Report("prime", mode, s, Time(s, Rebuild, site, same[s], size));
            }
        }

        var modes = options.Modes.ToHashSet(StringComparer.Ordinal);
        if (modes.Contains(Rebuild) || modes.Contains(Check))
        {
            Prime(Rebuild);
            // Check is alternated with Hugo's rebuild, the build it is compared with.
            var steps = new List<(Subject, string)>();
            steps.AddRange(subjects.Where(s => modes.Contains(Rebuild) || s.IsHugo).Select(s => (s, Rebuild)));
            steps.AddRange(modes.Contains(Check) ? crosswalks.Select(s => (s, Check)) : []);
            Rounds(size, runs, steps, site, same, beforeRound: null);
        }
        if (modes.Contains(Edit))
        {
            Prime(Edit);
            var edit = PageEdit.Choose(corpusDir);
            log.WriteLine($"  editing {edit.RelativePath} (one body line; Hugo's copy the same)");
            var number = 0;
            try
            {
                Rounds(size, runs, [.. subjects.Select(s => (s, Edit))], site, same, beforeRound: () => edit.Apply(++number));
            }
            finally
            {
                edit.Restore();
            }
        }
        if (modes.Contains(First))
        {
            Rounds(size, runs, [.. subjects.Select(s => (s, First))], site, same, beforeRound: null);
        }
        if (modes.Contains(Bundle))
        {
            Rounds(size, runs, [.. crosswalks.Select(s => (s, Bundle))], site, same, beforeRound: null);
        }
        if (options.Timings && crosswalks.Count > 0)
        {
            Sync();
            var s = crosswalks[0];
            var m = _meter.Run(s.Launcher.FileName, s.Launcher.With("build", "--config", site.Config, "--output", NewOutput("timings", size), "--timings"));
            _timings[size] = m.StderrTail;
            log.WriteLine($"  crosswalk {s.Name} build --timings ({m.Wall.TotalSeconds:F2} s wall, {m.PeakRssBytes / 1048576.0:F0} MiB peak):");
            foreach (var line in m.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                log.WriteLine("    " + line.TrimStart());
            }
        }
        log.WriteLine();
    }

    /// <summary>Warm-ups, then timed rounds of <paramref name="steps"/>, the order rotated each round (page cache, CPU boost).</summary>
    private void Rounds(int size, int runs, List<(Subject Subject, string Mode)> steps, SiteFiles site, Dictionary<Subject, string> same, Action? beforeRound)
    {
        for (var w = 0; w < options.Warmup; w++)
        {
            beforeRound?.Invoke();
            foreach (var (s, mode) in steps)
            {
                Report("warm-up", mode, s, Time(s, mode, site, same[s], size));
            }
        }
        for (var run = 1; run <= runs; run++)
        {
            beforeRound?.Invoke();
            for (var k = 0; k < steps.Count; k++)
            {
                var (s, mode) = steps[(run - 1 + k) % steps.Count];
                var (m, bytes) = Time(s, mode, site, same[s], size);
                _results.Add(new RunResult(mode, s.Name, size, run, m, bytes));
                Report($"run {run}", mode, s, (m, bytes));
            }
        }
    }

    /// <summary>One timed run; the output's size on disk is measured after it, outside the time.</summary>
    private (Measurement, long) Time(Subject s, string mode, SiteFiles site, string sameFolder, int size)
    {
        var output = mode switch
        {
            Rebuild or Edit => sameFolder,
            First => NewOutput("first-" + s.Name, size),
            Bundle => NewOutput("bundle-" + s.Name, size),
            _ => null,
        };
        string[] args = (s.IsHugo, mode) switch
        {
            (true, _) => ["--source", site.Hugo, "--destination", output!, "--quiet"],
            (false, Check) => ["check", "--config", site.Config],
            // A fixed date: every run writes the same bundle (issue 20).
            (false, Bundle) => ["bundle", "--config", site.Config, "--output", output!, "--date", "2026-01-01"],
            _ => ["build", "--config", site.Config, "--output", output!],
        };
        // What the last run wrote is flushed to disk first, so its writeback does not run during this one.
        Sync();
        var m = _meter.Run(s.Launcher.FileName, s.Launcher.With(args));
        return (m, output is null ? -1 : Tools.DiskUsage(output));
    }

    private void Report(string label, string mode, Subject s, (Measurement M, long Bytes) r)
    {
        var (m, bytes) = r;
        var cpu = double.IsNaN(m.CpuSeconds) ? "" : $"{m.CpuSeconds,6:F2} s cpu";
        var disk = bytes < 0 ? "" : $"{bytes / 1e6,7:F0} MB";
        log.WriteLine($"  {label,-8} {mode,-7} {s.Name,-9} {m.Wall.TotalSeconds,7:F2} s {cpu} {m.PeakRssBytes / 1048576.0,6:F0} MiB {disk}  exit {m.ExitCode}  {Summary(s, m)}");
        if (m.ExitCode != 0)
        {
            log.WriteLine($"  WARNING: {s.Name} {mode} exited with {m.ExitCode}; the corpus should be valid. Last output:");
            foreach (var line in (m.StdoutTail + m.StderrTail).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(12))
            {
                log.WriteLine("    " + line);
            }
        }
    }

    private string NewOutput(string label, int size) =>
        Path.Combine(_outputs, string.Create(CultureInfo.InvariantCulture, $"{++_outputCount:000}-{label}-{size}"));

    /// <summary>Crosswalk's own summary line ("built: N pages, E errors, ...") for the log.</summary>
    private static string Summary(Subject s, Measurement m) =>
        s.IsHugo ? "" : m.StderrTail.Split('\n').LastOrDefault(l => SummaryLine().IsMatch(l))?.Trim() ?? "";

    [GeneratedRegex(@"^(built|checked|not written|bundled)\b")]
    private static partial Regex SummaryLine();

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

    private sealed record SiteFiles(string Config, string Hugo);
}
