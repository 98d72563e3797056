using Crosswalk.Markdown;
using Crosswalk.Markdown.Slugs;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown;

public sealed class SnippetIdsTests
{
    [Fact]
    public void The_headings_of_an_included_file_are_anchors_of_the_page()
    {
        using var site = new TempSite(("CONTRIBUTING.md", "# Contributing\n\n## Installing for Development\n"), ("docs/page.md", ""));
        var ids = SnippetIds.Of("Intro\n\n--8<-- \"CONTRIBUTING.md\"\n\n-8<- 'missing.md'\n", [site.PathOf("docs"), site.Root], site.Root,
            MarkdownPipelineFactory.Create(SlugRule.PythonMarkdown)).ToList();
        Assert.Equal(["contributing", "installing-for-development"], ids);
    }

    [Fact]
    public void No_include_leaves_the_sites_root()
    {
        using var outside = new TempSite(("secret.md", "# Secret\n"));
        using var site = new TempSite(("docs/page.md", ""));
        var relative = Path.GetRelativePath(site.Root, outside.PathOf("secret.md"));
        Assert.Empty(SnippetIds.Of($"--8<-- \"{relative}\"\n", [site.Root], site.Root, MarkdownPipelineFactory.Create()));
    }

    [Fact]
    public void An_include_in_prose_or_code_is_not_one() =>
        Assert.Empty(SnippetIds.Of("Write `--8<-- \"x.md\"` to include.\n", [Path.GetTempPath()], Path.GetTempPath(), MarkdownPipelineFactory.Create()));
}
