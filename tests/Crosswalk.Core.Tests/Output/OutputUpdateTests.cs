using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Hardening;

namespace Crosswalk.Tests.Output;

/// <summary>
/// A rebuild into the same folder writes only the files whose bytes changed and removes only what went away, and
/// ends with exactly the folder a first build would make.
/// </summary>
public sealed class OutputUpdateTests
{
    // A time no build writes at: a file still carrying it was not written again.
    private static readonly DateTime Untouched = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_rebuild_that_changes_nothing_writes_nothing_and_removes_nothing()
    {
        using var scratch = Site();
        Assert.True(SiteBuilder.Build(Options(scratch)).Written);
        var before = Scratch.Snapshot(scratch.Output);
        MarkUntouched(scratch.Output);

        var again = SiteBuilder.Build(Options(scratch));

        Assert.True(again.Written);
        var files = before.Count(e => e.Value != "dir");
        Assert.Equal(new WriteCounts(0, files - 1, 0), again.Output); // the marker is not counted
        Assert.Empty(Rewritten(scratch.Output));
        Assert.Equal(before, Scratch.Snapshot(scratch.Output));
        Assert.Equal(["._site.crosswalk-lock", "_site"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(scratch.Output)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_one_page_edit_rewrites_only_the_files_whose_bytes_changed()
    {
        using var scratch = Site();
        Assert.True(SiteBuilder.Build(Options(scratch)).Written);
        var before = Scratch.Snapshot(scratch.Output);
        MarkUntouched(scratch.Output);

        scratch.Write("content/b.md", "# B\n\nAn edited paragraph.\n");
        var again = SiteBuilder.Build(Options(scratch));

        var after = Scratch.Snapshot(scratch.Output);
        var changed = after.Where(e => before.GetValueOrDefault(e.Key) != e.Value).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("b/index.html", changed);
        Assert.DoesNotContain("a/index.html", changed);
        Assert.Equal(changed, Rewritten(scratch.Output));
        Assert.Equal(changed.Count, again.Output!.Written);
        Assert.Equal(0, again.Output.Removed);
    }

    [Fact]
    public void After_pages_come_and_go_and_a_file_becomes_a_folder_a_rebuild_equals_a_first_build()
    {
        using var scratch = Site();
        Assert.True(SiteBuilder.Build(Options(scratch)).Written);
        File.WriteAllText(Path.Combine(scratch.Output, "stray.txt"), "put here by hand");

        File.Delete(Path.Combine(scratch.SiteRoot, "content", "a.md"));
        scratch.Write("content/index.md", "# Home\n\n[b](b.md) [c](deep/c.md)\n");
        scratch.Write("content/deep/c.md", "# C\n\nNew.\n");
        File.Delete(Path.Combine(scratch.SiteRoot, "content", "files", "x"));
        scratch.Write("content/files/x/y.txt", "now a folder");
        var again = SiteBuilder.Build(Options(scratch));

        Assert.True(again.Written);
        var fresh = Path.Combine(scratch.Root, "out", "fresh");
        Assert.True(SiteBuilder.Build(Options(scratch, fresh)).Written);
        Assert.Equal(Scratch.Snapshot(fresh), Scratch.Snapshot(scratch.Output));
        Assert.False(Directory.Exists(Path.Combine(scratch.Output, "a")));
        Assert.True(again.Output!.Removed >= 3); // a/index.html, files/x, stray.txt
    }

    [Fact]
    public void A_link_in_the_output_folder_is_replaced_and_never_written_through()
    {
        using var scratch = Site();
        Assert.True(SiteBuilder.Build(Options(scratch)).Written);
        var outside = Path.Combine(scratch.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "index.html"), "not the site's");
        Directory.Delete(Path.Combine(scratch.Output, "a"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(scratch.Output, "a"), outside);
        File.Delete(Path.Combine(scratch.Output, "b", "index.html"));
        File.CreateSymbolicLink(Path.Combine(scratch.Output, "b", "index.html"), Path.Combine(outside, "index.html"));

        scratch.Write("content/a.md", "# A\n\nChanged.\n");
        Assert.True(SiteBuilder.Build(Options(scratch)).Written);

        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
        Assert.Equal("not the site's", File.ReadAllText(Path.Combine(outside, "index.html")));
        Assert.Null(new DirectoryInfo(Path.Combine(scratch.Output, "a")).LinkTarget);
        Assert.Null(new FileInfo(Path.Combine(scratch.Output, "b", "index.html")).LinkTarget);
        var fresh = Path.Combine(scratch.Root, "out", "fresh");
        Assert.True(SiteBuilder.Build(Options(scratch, fresh)).Written);
        Assert.Equal(Scratch.Snapshot(fresh), Scratch.Snapshot(scratch.Output));
    }

    [Fact]
    public void A_rebuild_that_fails_changes_nothing_in_the_output_folder()
    {
        using var scratch = Site();
        Assert.True(SiteBuilder.Build(Options(scratch)).Written);
        var before = Scratch.Snapshot(scratch.Output);
        MarkUntouched(scratch.Output);

        scratch.Write("content/b.md", "# B\n\n[broken](missing.md)\n");
        var failed = SiteBuilder.Build(Options(scratch));

        Assert.False(failed.Written);
        Assert.Null(failed.Output);
        Assert.Empty(Rewritten(scratch.Output));
        Assert.Equal(before, Scratch.Snapshot(scratch.Output));
    }

    [Fact]
    public void A_first_build_into_an_empty_folder_made_by_hand_fills_it_and_the_next_build_updates_it()
    {
        using var scratch = Site();
        Directory.CreateDirectory(scratch.Output);

        var first = SiteBuilder.Build(Options(scratch));
        var again = SiteBuilder.Build(Options(scratch));

        Assert.True(first.Written, HostileCorpus.Describe(first.Diagnostics));
        Assert.Null(first.Output);
        Assert.True(File.Exists(Path.Combine(scratch.Output, "a", "index.html")));
        Assert.Equal(0, again.Output!.Written);
    }

    private static Scratch Site()
    {
        var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md", "# Home\n\n[a](a.md) [b](b.md)\n");
        scratch.Write("content/a.md", "# A\n\nFirst.\n");
        scratch.Write("content/b.md", "# B\n\nSecond.\n");
        scratch.Write("content/files/x", "a file named x");
        return scratch;
    }

    private static BuildOptions Options(Scratch scratch, string? output = null) =>
        new() { ConfigPath = scratch.ConfigPath, OutputDirectory = output ?? scratch.Output };

    private static void MarkUntouched(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Untouched);
        }
    }

    // Files written since MarkUntouched (new files included), by relative path.
    private static List<string> Rewritten(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != Untouched)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
