using Crosswalk.Content;
using System.Text;
using Crosswalk.Diagnostics;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Preview.Incremental;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Output;

public sealed class ArtifactTests
{
    // An output as a plugin would add one: a JSON list of the pages' URLs, reserving its path.
    private sealed class PageList : IArtifact
    {
        public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => [("pages.json", "the page list")];

        public IEnumerable<OutputFile> Files(RenderModel model) => [new ListFile(model)];

        private sealed class ListFile(RenderModel model) : OutputFile
        {
            public override string Path => "pages.json";

            public override ulong Fingerprint(RenderModel m) => m.Signatures.Structure;

            public override bool Write(RenderModel m, RenderTarget target)
            {
                target.Sink.Write(Path, Encoding.UTF8.GetBytes("[" + string.Join(",", model.Site.Pages.Select(p => $"\"{p.Url}\"")) + "]"));
                return true;
            }
        }
    }

    // Memory that counts the writes of each path.
    private sealed class CountingOutput : IOutputSink
    {
        private readonly MemoryOutput _memory = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _writes = new();

        public IReadOnlyDictionary<string, byte[]> Files => _memory.Files;

        public int Writes(string path) => _writes.GetValueOrDefault(path);

        public void Write(string relativePath, ReadOnlySpan<byte> content)
        {
            _writes.AddOrUpdate(relativePath, 1, (_, n) => n + 1);
            _memory.Write(relativePath, content);
        }
    }

    private static readonly ArtifactRegistry WithPageList = new([.. ArtifactRegistry.Default.All, new PageList()]);

    private static TempSite Site() => new(
        ("site.yml", "title: T\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off, CW5002: off }\n"),
        ("content/index.md", "# Home\n\n[a](a.md)\n"),
        ("content/a.md", "# A\n"));

    [Fact]
    public void Every_output_of_the_site_is_reserved_or_placed_by_one_artifact()
    {
        using var site = Site();
        var memory = new MemoryOutput();

        var run = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath }, RunMode.Preview, new SiteStages(), memory);

        Assert.Equal(memory.Files.Keys.Order(StringComparer.Ordinal), run.Rendered!.OutputPaths.Order(StringComparer.Ordinal));
        Assert.Contains("404.html", memory.Files.Keys);
        Assert.Contains("sitemap.xml", memory.Files.Keys);
        Assert.Contains("assets/crosswalk.css", memory.Files.Keys);
        Assert.Contains("criteria/index.html", memory.Files.Keys);
        Assert.Contains("a/index.html", memory.Files.Keys);
        var reserved = run.Site!.Taken;
        Assert.Equal("Crosswalk's output marker", reserved[SiteWriter.MarkerFile]);
        Assert.Equal("the 404 page", reserved["404.html"]);
        Assert.Equal("a theme asset", reserved["assets/crosswalk.css"]);
        Assert.Equal("a generated criteria page", reserved["criteria/index.html"]);
    }

    [Fact]
    public void A_new_output_is_one_class_and_one_registration_for_build_check_and_serve()
    {
        using var site = Site();
        var options = new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("out") };

        var build = PipelineRunner.Run(options, RunMode.Build, new SiteStages(), artifacts: WithPageList);
        Assert.True(build.Result.Written);
        Assert.Equal("[\"/a/\",\"/\"]", site.Read("out/pages.json"));

        var check = PipelineRunner.Run(options, RunMode.Check, new SiteStages(), artifacts: WithPageList);
        Assert.Equal(build.Result.Diagnostics, check.Result.Diagnostics);
        Assert.Contains("pages.json", check.Rendered!.OutputPaths);

        // The preview serves it, and writes it again only when its fingerprint changes.
        var stages = new IncrementalStages();
        var memory = new CountingOutput();
        PipelineRunner.Run(options, RunMode.Preview, stages, memory, WithPageList);
        Assert.Equal("[\"/a/\",\"/\"]", Encoding.UTF8.GetString(memory.Files["pages.json"]));
        Assert.Equal(1, memory.Writes("pages.json"));

        site.Touch("content/a.md", "# A\n\nEdited body.\n");
        stages.Changed = new HashSet<string> { site.PathOf("content/a.md") };
        PipelineRunner.Run(options, RunMode.Preview, stages, memory, WithPageList);
        Assert.Equal(2, memory.Writes("a/index.html"));
        Assert.Equal(1, memory.Writes("pages.json"));

        site.Write("content/b.md", "# B\n");
        stages.Changed = null;
        PipelineRunner.Run(options, RunMode.Preview, stages, memory, WithPageList);
        Assert.Equal("[\"/a/\",\"/b/\",\"/\"]", Encoding.UTF8.GetString(memory.Files["pages.json"]));
        Assert.Equal(2, memory.Writes("pages.json"));
    }

    [Fact]
    public void A_page_on_a_path_an_artifact_reserved_is_CW1004()
    {
        using var site = Site();
        site.Write("content/list.md", "---\npermalink: /pages.json\n---\n# List\n");

        var check = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath }, RunMode.Check, new SiteStages(), artifacts: WithPageList);

        var d = Assert.Single(check.Result.Diagnostics, d => d.Code == DiagnosticDescriptors.DuplicateUrl.Code);
        Assert.Equal("URL '/pages.json' is the output of the page list ('pages.json')", d.Message);
    }
}
