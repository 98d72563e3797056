using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

/// <summary>
/// Edits after which a preview must still match a fresh one: files whose render failed are tried and reported again,
/// and the watcher's report of a change counts even when a file keeps its length and time.
/// </summary>
public sealed class PreviewRetryTests
{
    private static void AssertMatchesFresh(PreviewSite preview, BuildOptions options)
    {
        var fresh = new PreviewSite(options);
        var expected = fresh.Rebuild();
        Assert.Equal(expected.Result.Diagnostics.Select(d => d.ToString()), preview.Last!.Result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(fresh.Files.Keys.Order(), preview.Files.Keys.Order());
        Assert.All(fresh.Files, f => Assert.True(f.Value.AsSpan().SequenceEqual(preview.Files[f.Key]), $"{f.Key} differs"));
    }

    [Theory]
    [InlineData("layouts/404.html", "<html>{{ include 'partials/nope.html' }}</html>")]
    [InlineData("layouts/page.html", "<html>{{ if page.kind == 'coverage'; include 'partials/nope.html'; end }}{{ page.content }}</html>")]
    public void A_generated_page_whose_render_failed_is_reported_again_after_an_edit_elsewhere(string template, string text)
    {
        using var site = new TempSite(
            ("site.yml", "title: P\ntemplates: theme\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off, CW5002: off }\n"),
            ("theme/" + template, text),
            ("content/index.md", "# Home\n\n[a](a.md)\n"),
            ("content/a.md", "# A\n\nOriginal.\n"));
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        Assert.Contains(preview.Rebuild().Result.Diagnostics, d => d.Code == "CW4001");

        site.Touch("content/a.md", "# A\n\nEdited.\n");
        var edit = preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.False(edit.Full);
        Assert.Contains(edit.Result.Diagnostics, d => d.Code == "CW4001");
        AssertMatchesFresh(preview, options);
    }

    [Fact]
    public void A_page_whose_layout_fails_is_not_served_from_an_earlier_build_and_comes_back_when_fixed()
    {
        using var site = new TempSite(
            ("site.yml", "title: P\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[a](a.md#top) [b](b.md#cw-toc-title)\n"),
            ("content/a.md", "# A\n\n## Two\n\nx\n"),
            ("content/b.md", "# B\n\n## Two\n\nx\n"));
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        preview.Rebuild();

        site.Touch("content/b.md", "---\nlayout: nope\n---\n# B\n\n## Two\n\nx\n");
        preview.Rebuild([site.PathOf("content/b.md")]);
        Assert.False(preview.TryGetFile("b/index.html", out _));
        AssertMatchesFresh(preview, options);

        site.Touch("content/b.md", "# B\n\n## Two\n\nfixed\n");
        preview.Rebuild([site.PathOf("content/b.md")]);
        Assert.True(preview.TryGetFile("b/index.html", out _));
        AssertMatchesFresh(preview, options);

        site.Touch("content/a.md", "---\npermalink: /moved/\n---\n# A\n\n## Two\n\nmoved\n");
        preview.Rebuild([site.PathOf("content/a.md")]);
        AssertMatchesFresh(preview, options);
    }

    [Theory]
    [InlineData("content/s.txt", "aaaa", "bbbb")]
    [InlineData("content/index.md", "# Home\n\n[s](s.txt) aaaa\n", "# Home\n\n[s](s.txt) bbbb\n")]
    public void A_reported_change_counts_when_the_file_keeps_its_length_and_time(string path, string before, string after)
    {
        using var site = new TempSite(
            ("site.yml", "title: P\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[s](s.txt) aaaa\n"),
            ("content/s.txt", "aaaa"));
        site.Write(path, before);
        var stamp = DateTime.UtcNow.AddSeconds(-30);
        File.SetLastWriteTimeUtc(site.PathOf(path), stamp);
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        preview.Rebuild();

        site.Write(path, after);
        File.SetLastWriteTimeUtc(site.PathOf(path), stamp);
        preview.Rebuild([site.PathOf(path)]);

        AssertMatchesFresh(preview, options);
    }
}
