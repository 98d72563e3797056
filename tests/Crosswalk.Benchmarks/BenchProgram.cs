namespace Crosswalk.Benchmarks;

/// <summary>Entry point: <c>generate</c>, <c>run</c>, <c>serve-latency</c>, <c>search-latency</c>.</summary>
internal static class BenchProgram
{
    private const string Usage =
        """
        crosswalk-bench: corpus generator and whole-process benchmark of crosswalk against Hugo (issues 7 and 18).

        Usage (from the repository root):
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- generate --pages N --out DIR [--seed 42]
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- run [--sizes 1000,10000] [--runs 3] [--large-runs 1]
              [--warmup 1] [--modes rebuild,edit,first,check] [--forms native,installed] [--seed 42] [--work DIR]
              [--crosswalk PATH] [--no-build] [--r2r] [--hugo PATH] [--no-hugo] [--json FILE] [--timings]
              [--keep-output] [--baseline PATH]
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- serve-latency [--pages 10000] [--edits 20]
              [--seed 42] [--work DIR] [--crosswalk PATH] [--no-build] [--r2r] [--startup-timeout 300] [--trace FILE]
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- search-latency [--pages 10000] [--seed 42]
              [--work DIR] [--crosswalk PATH] [--no-build] [--r2r]

        generate       writes DIR/site.yml, DIR/content/**.md and a Hugo copy DIR/hugo/ (same N and seed: same bytes).
        run            per size: generate once, then per mode alternate runs of each crosswalk form and Hugo, the order
                       rotated each round; medians of wall time, user+system time, peak RSS and output size (du),
                       ratios to Hugo, growth between sizes and issue 18's goals. Modes: rebuild (into the folder the
                       same tool built into before, nothing changed), edit (the same, after one page's body line changed
                       in both copies), first (into a new, empty folder), check (against Hugo's rebuild), bundle.
                       Forms: native (src/Crosswalk.Cli published as native AOT into WORK/crosswalk-aot; --r2r:
                       ReadyToRun into WORK/crosswalk-r2r; --crosswalk: that .dll or executable instead) and installed
                       (dotnet pack, then dotnet tool install from that feed into WORK/installed-tool with a NuGet
                       cache of its own; the log says whether the native executable or crosswalk.dll got installed).
                       --no-build reuses both. Nothing is deleted between runs (see README.md, "Deleting between runs").
                       --large-runs: runs above 10,000 pages. --timings: one extra `build --timings` per size.
                       --baseline: another crosswalk (an earlier commit's), alternated with the others.
                       Default work folder: $TMPDIR/crosswalk-bench.
        serve-latency  in headless Chromium (/usr/bin/chromium), the median time from writing a page's .md file to
                       DOMContentLoaded of that page reloaded by `crosswalk serve`.
        search-latency in headless Chromium, the built site's search box from file://: the first query's wait (the
                       index loaded) and, typed one key at a time, each keystroke's handler time and time to the next
                       frame.
        """;

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--no-build", "--r2r", "--timings", "--keep-output", "--no-hugo", "--help" };

    public static async Task<int> MainAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var cl = new CommandLine(args.Skip(1), Flags);
            if (cl.Flag("--help"))
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            var defaultWork = Path.Combine(Path.GetTempPath(), "crosswalk-bench");
            switch (args[0])
            {
                case "generate":
                {
                    var pages = cl.Int("--pages", 0);
                    var outDir = cl.String("--out") ?? throw new UsageException("generate needs --out DIR");
                    var seed = cl.ULong("--seed", 42);
                    cl.RejectUnknown();
                    if (pages < 1)
                    {
                        throw new UsageException("generate needs --pages N (N >= 1)");
                    }
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    var summary = CorpusGenerator.Generate(pages, seed, outDir);
                    stdout.WriteLine($"generated {summary.Pages} pages in {summary.Folders} folders, {summary.Links} links, " +
                                     $"{summary.MarkdownBytes / 1048576.0:F1} MiB Markdown into {summary.Directory} in {sw.ElapsedMilliseconds} ms");
                    return 0;
                }
                case "run":
                {
                    var options = new RunOptions(
                        Sizes: cl.IntList("--sizes", [1000, 10000]),
                        Runs: Math.Max(1, cl.Int("--runs", 3)),
                        LargeRuns: Math.Max(1, cl.Int("--large-runs", 1)),
                        Warmup: cl.Int("--warmup", 1),
                        Seed: cl.ULong("--seed", 42),
                        WorkDirectory: cl.String("--work") ?? defaultWork,
                        Modes: cl.Choices("--modes", BenchmarkRunner.DefaultModes, BenchmarkRunner.AllModes),
                        Forms: cl.Choices("--forms", BenchmarkRunner.AllForms, BenchmarkRunner.AllForms),
                        CrosswalkPath: cl.String("--crosswalk"),
                        NoBuild: cl.Flag("--no-build"),
                        ReadyToRun: cl.Flag("--r2r"),
                        HugoPath: cl.String("--hugo"),
                        NoHugo: cl.Flag("--no-hugo"),
                        JsonPath: cl.String("--json"),
                        Timings: cl.Flag("--timings"),
                        KeepOutput: cl.Flag("--keep-output"),
                        BaselinePath: cl.String("--baseline"));
                    cl.RejectUnknown();
                    return new BenchmarkRunner(options, stdout).Execute();
                }
                case "serve-latency":
                {
                    var options = new ServeOptions(
                        Pages: Math.Max(1, cl.Int("--pages", 10000)),
                        Edits: Math.Max(1, cl.Int("--edits", 20)),
                        Seed: cl.ULong("--seed", 42),
                        WorkDirectory: cl.String("--work") ?? defaultWork,
                        CrosswalkPath: cl.String("--crosswalk"),
                        NoBuild: cl.Flag("--no-build"),
                        ReadyToRun: cl.Flag("--r2r"),
                        StartupTimeoutSeconds: Math.Max(1, cl.Int("--startup-timeout", 300)),
                        TracePath: cl.String("--trace"));
                    cl.RejectUnknown();
                    return await new ServeLatency(options, stdout).ExecuteAsync();
                }
                case "search-latency":
                {
                    var options = new SearchOptions(
                        Pages: Math.Max(1, cl.Int("--pages", 10000)),
                        Seed: cl.ULong("--seed", 42),
                        WorkDirectory: cl.String("--work") ?? defaultWork,
                        CrosswalkPath: cl.String("--crosswalk"),
                        NoBuild: cl.Flag("--no-build"),
                        ReadyToRun: cl.Flag("--r2r"));
                    cl.RejectUnknown();
                    return await new SearchLatency(options, stdout).ExecuteAsync();
                }
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"crosswalk-bench: {ex.Message}");
            stderr.WriteLine("Run with --help for usage.");
            return 2;
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"crosswalk-bench: {ex.Message}");
            return 1;
        }
    }
}
