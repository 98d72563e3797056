using Crosswalk.Content;

namespace Crosswalk.Tests.Content;

public sealed class UrlModelTests
{
    [Theory]
    [InlineData("a/b.md", "/a/b/")]
    [InlineData("a/b.mdx", "/a/b/")]
    [InlineData("a/index.md", "/a/")]
    [InlineData("index.md", "/")]
    [InlineData("a/README.md", "/a/")]
    [InlineData("top.md", "/top/")]
    public void Derives_the_url_from_the_source_path(string path, string url) =>
        Assert.Equal(url, UrlModel.FromSourcePath(path));

    [Theory]
    [InlineData("/compliance/", "/compliance/")]
    [InlineData("/compliance/incident-response", "/compliance/incident-response/")]
    [InlineData("/feed.xml", "/feed.xml")]
    [InlineData("/", "/")]
    public void Normalizes_permalinks(string permalink, string expected) =>
        Assert.Equal(expected, UrlModel.NormalizePermalink(permalink));

    [Theory]
    [InlineData("/a/../../etc/")]
    [InlineData("/a/%2e%2e/%2e%2e/x")]
    [InlineData("/a\\..\\b")]
    [InlineData("//evil.example/")]
    [InlineData("/C:/x")]
    [InlineData("/a/%0a/")]
    public void Refuses_permalinks_that_could_escape(string permalink) =>
        Assert.Null(UrlModel.NormalizePermalink(permalink));

    [Theory]
    [InlineData("/a/b/", "a/b/index.html")]
    [InlineData("/", "index.html")]
    [InlineData("/feed.xml", "feed.xml")]
    public void Maps_urls_to_output_files(string url, string file) =>
        Assert.Equal(file, UrlModel.OutputPath(url));

    [Theory]
    [InlineData("/", "./")]
    [InlineData("/a/", "../")]
    [InlineData("/a/b/", "../../")]
    [InlineData("/feed.xml", "./")]
    [InlineData("/a/page.html", "../")]
    public void The_relative_root_climbs_from_the_folder_of_the_output_file(string url, string root) =>
        Assert.Equal(root, UrlModel.RelativeRoot(url));
}
