namespace Crosswalk.Benchmarks;

/// <summary>Entry point: <c>generate</c>, <c>run</c>, <c>serve-latency</c>.</summary>
internal static class BenchProgram
{
    private const string Usage =
        """
        crosswalk-bench: corpus generator and whole-process benchmark of crosswalk against Hugo (issue 7).

        Usage (from the repository root):
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- generate --pages N --out DIR [--seed 42]
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- run [--sizes 1000,10000] [--runs 5]
              [--warmup 1] [--seed 42] [--work DIR] [--crosswalk PATH] [--no-build] [--r2r] [--hugo PATH]
              [--json FILE] [--timings] [--keep-output] [--baseline PATH]
          dotnet run --project tests/Crosswalk.Benchmarks -c Release -- serve-latency [--pages 10000] [--edits 20]
              [--seed 42] [--work DIR] [--crosswalk PATH] [--no-build] [--r2r] [--startup-timeout 300]

        generate       writes DIR/site.yml, DIR/content/**.md and a Hugo copy DIR/hugo/ (same N and seed: same bytes).
        run            per size: generate once, then alternate cold runs of `crosswalk build`, `crosswalk check`,
                       `crosswalk bundle` and `hugo`; prints median wall time and peak RSS, ratios to Hugo and growth between sizes.
                       Each build writes into a new folder under WORK/outputs; all are deleted at the end
                       (--keep-output keeps them), none between runs: see README.md, "Deleting between runs".
                       --crosswalk: a crosswalk.dll (run with dotnet) or executable; default: publishes
                       src/Crosswalk.Cli in Release, native AOT, into WORK/crosswalk-aot (with --r2r: ReadyToRun into
                       WORK/crosswalk-r2r; reuse either with --no-build). --timings: one extra `build --timings` per
                       size. --baseline: another crosswalk executable or dll (e.g. an earlier commit's), run alternately
                       with the others, for before-and-after ratios from the same run. Default work folder:
                       $TMPDIR/crosswalk-bench.
        serve-latency  median time from a page edit to the next `event: reload` on /__crosswalk/events.
        """;

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--no-build", "--r2r", "--timings", "--keep-output", "--help" };

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
                        Runs: Math.Max(1, cl.Int("--runs", 5)),
                        Warmup: cl.Int("--warmup", 1),
                        Seed: cl.ULong("--seed", 42),
                        WorkDirectory: cl.String("--work") ?? defaultWork,
                        CrosswalkPath: cl.String("--crosswalk"),
                        NoBuild: cl.Flag("--no-build"),
                        ReadyToRun: cl.Flag("--r2r"),
                        HugoPath: cl.String("--hugo"),
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
                        StartupTimeoutSeconds: Math.Max(1, cl.Int("--startup-timeout", 300)));
                    cl.RejectUnknown();
                    return await new ServeLatency(options, stdout).ExecuteAsync();
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
