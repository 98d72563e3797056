using Crosswalk.Criteria;
using Crosswalk.Markdown;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Templates;
using Crosswalk.Tests.Hardening;

namespace Crosswalk.Tests.Output;

/// <summary>
/// A write that fails (a full disk, a folder turned read-only) is one located CW5001, the build is not committed and
/// the last good site stays: it was an AggregateException and exit 3.
/// </summary>
public sealed class WriteFailureTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_full_disk_while_rendering_is_CW5001_and_the_last_good_site_stays(int failAfter)
    {
        using var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md", "# Home\n\n[a](a.md) [b](b.md)\n");
        scratch.Write("content/a.md", "# A\n");
        scratch.Write("content/b.md", "# B\n");
        var options = new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output };
        Assert.True(SiteBuilder.Build(options).Written);
        var good = Scratch.Snapshot(scratch.Output);
        scratch.Write("content/a.md", "# A changed\n");

        var run = PipelineRunner.Run(options, RunMode.Build, new FullDiskStages(failAfter));

        Assert.False(run.Result.Written);
        var error = Assert.Single(run.Result.Diagnostics, d => d.Code == "CW5001");
        Assert.Contains("No space left on device", error.Message);
        Assert.Single(run.Result.Diagnostics, d => d.Severity == Crosswalk.Diagnostics.Severity.Error);
        Assert.Equal(good, Scratch.Snapshot(scratch.Output));
        Assert.Equal(["._site.crosswalk-lock", "_site"],
            Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(scratch.Output)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    // Every stage in full, the output sink failing as a full disk does after a number of files.
    private sealed class FullDiskStages(int failAfter) : ISiteStages
    {
        private readonly SiteStages _stages = new();

        public LinkPlaceholders Placeholders => _stages.Placeholders;

        public SourceSet Discover(BuildContext context) => _stages.Discover(context);

        public Theme LoadTheme(BuildContext context) => _stages.LoadTheme(context);

        public CatalogSet LoadCatalogs(BuildContext context) => _stages.LoadCatalogs(context);

        public Task<Crosswalk.History.GitHistoryResult?> LoadHistory(BuildContext context, bool enabled) => _stages.LoadHistory(context, enabled);

        public ParsedSite Parse(BuildContext context, SourceSet files, SiteInputs inputs) => _stages.Parse(context, files, inputs);

        public IndexedSite Index(BuildContext context, ParsedSite parsed, SourceSet files, SiteInputs inputs) => _stages.Index(context, parsed, files, inputs);

        public LinkedSite ResolveLinks(BuildContext context, IndexedSite site) => _stages.ResolveLinks(context, site);

        public ClaimedSite ResolveCriteria(BuildContext context, IndexedSite site, LinkedSite links, SiteInputs inputs) => _stages.ResolveCriteria(context, site, links, inputs);

        public RenderModel Prepare(BuildContext context, SiteInputs inputs, IndexedSite site, LinkedSite links, ClaimedSite claims, SiteHistory history, bool discardsOutput) =>
            _stages.Prepare(context, inputs, site, links, claims, history, discardsOutput);

        public RenderedSite Render(BuildContext context, RenderModel model, IOutputSink sink) => _stages.Render(context, model, new FullDisk(sink, failAfter));

        public void Verify(BuildContext context, IndexedSite site, LinkedSite links, RenderedSite rendered) => _stages.Verify(context, site, links, rendered);
    }

    private sealed class FullDisk(IOutputSink inner, int failAfter) : IOutputSink
    {
        private int _written;

        public void Write(string relativePath, ReadOnlySpan<byte> content)
        {
            if (Interlocked.Increment(ref _written) > failAfter)
            {
                throw new IOException("No space left on device : '" + relativePath + "'");
            }
            inner.Write(relativePath, content);
        }

        public void Copy(string sourcePath, string relativePath) => Write(relativePath, File.ReadAllBytes(sourcePath));
    }
}
