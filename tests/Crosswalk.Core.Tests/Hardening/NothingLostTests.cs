using Crosswalk.Diagnostics;
using Crosswalk.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Tests.Hardening;

/// <summary>A build killed or failing midway leaves the old site or the new one, never a mix; its leftovers go with the next build.</summary>
public sealed class NothingLostTests
{
    [Fact]
    public void A_crash_leftover_and_a_failed_build_leave_the_previous_site_then_a_good_build_cleans_up()
    {
        using var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md", "# Home\n\n[a](a.md)\n");
        scratch.Write("content/a.md", "# A\n");
        var options = new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output };
        Assert.True(SiteBuilder.Build(options).Written);
        var good = Scratch.Snapshot(scratch.Output);

        // A build killed while writing left its temporary sibling behind, with the marker and some pages.
        var parent = Path.GetDirectoryName(scratch.Output)!;
        var stale = Path.Combine(parent, $"._site.crosswalk-tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(stale, "a"));
        File.WriteAllText(Path.Combine(stale, SiteWriter.MarkerFile), "");
        File.WriteAllText(Path.Combine(stale, "a", "index.html"), "<p>half");
        // A foreign folder with a similar name but no marker is not ours: it must survive.
        var foreign = Path.Combine(parent, "._site.crosswalk-tmp-not-ours");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "keep");

        scratch.Write("content/a.md", "# A\n\n[broken](missing.md)\n");
        var failed = SiteBuilder.Build(options);

        Assert.False(failed.Written);
        Assert.Contains(failed.Diagnostics, d => d.Code == "CW2001");
        Assert.Equal(good, Scratch.Snapshot(scratch.Output));

        scratch.Write("content/a.md", "# A again\n");
        var fixedBuild = SiteBuilder.Build(options);

        Assert.True(fixedBuild.Written, HostileCorpus.Describe(fixedBuild.Diagnostics));
        Assert.Contains("A again", File.ReadAllText(Path.Combine(scratch.Output, "a", "index.html")));
        Assert.False(Directory.Exists(stale));
        Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
        Assert.Equal(["._site.crosswalk-lock", "._site.crosswalk-tmp-not-ours", "_site"],
            Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_build_into_a_folder_whose_lock_is_held_is_refused_with_CW5001_and_writes_nothing()
    {
        using var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md", "# Home\n");
        var options = new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output };

        using (var held = OutputLock.TryTake(scratch.Output, out var problem))
        {
            Assert.NotNull(held);
            Assert.Null(problem);
            var refused = SiteBuilder.Build(options);

            Assert.False(refused.Written);
            Assert.Contains(refused.Diagnostics, d => d.Code == "CW5001" && d.Message.Contains("is writing to", StringComparison.Ordinal));
            Assert.False(Directory.Exists(scratch.Output));
        }

        Assert.True(SiteBuilder.Build(options).Written);
    }

    [Fact]
    public void An_update_committed_by_a_build_that_was_killed_is_finished_by_the_next_one_and_dead_builds_leftovers_go()
    {
        using var scratch = new Scratch();
        Directory.CreateDirectory(Path.Combine(scratch.Output, "gone"));
        File.WriteAllText(Path.Combine(scratch.Output, SiteWriter.MarkerFile), "");
        File.WriteAllText(Path.Combine(scratch.Output, "index.html"), "old");
        File.WriteAllText(Path.Combine(scratch.Output, "gone", "index.html"), "gone");
        File.WriteAllText(Path.Combine(scratch.Output, "kept.html"), "kept");
        // As a rebuild killed after its commit point leaves it: its changes and removals under the update's fixed name,
        // one change already moved in.
        var update = StagingFolders.Update(scratch.Output);
        Directory.CreateDirectory(Path.Combine(update, "deep"));
        File.WriteAllText(Path.Combine(update, SiteWriter.MarkerFile), "");
        File.WriteAllText(Path.Combine(update, ".crosswalk-removals"), "gone/index.html\0");
        File.WriteAllText(Path.Combine(update, "index.html"), "new");
        File.WriteAllText(Path.Combine(scratch.Output, "moved.html"), "moved");
        File.WriteAllText(Path.Combine(update, "deep", "new.html"), "new page");
        var dead = StagingFolders.Temp(scratch.Output, int.MaxValue);
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, SiteWriter.MarkerFile), "");
        // A body spill whose build died between making it and unlinking it, and one named with this process's id (an
        // earlier process's: this build has made nothing yet) go; one of another build still running stays (the system's
        // first process stands for it: always alive).
        var deadSpill = Crosswalk.Content.BodySpill.PathOf(scratch.Output, int.MaxValue);
        var ownIdSpill = Crosswalk.Content.BodySpill.PathOf(scratch.Output, Environment.ProcessId);
        var liveSpill = Crosswalk.Content.BodySpill.PathOf(scratch.Output, OperatingSystem.IsWindows() ? 4 : 1);
        File.WriteAllText(ownIdSpill, "<p>body</p>");
        File.WriteAllText(deadSpill, "<p>body</p>");
        File.WriteAllText(liveSpill, "<p>body</p>");

        using (var held = SiteWriter.Lock(scratch.Output, new DiagnosticBag()))
        {
            Assert.NotNull(held);
        }

        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [SiteWriter.MarkerFile] = Hash(""),
            ["deep/"] = "dir",
            ["deep/new.html"] = Hash("new page"),
            ["index.html"] = Hash("new"),
            ["kept.html"] = Hash("kept"),
            ["moved.html"] = Hash("moved"),
        }, Scratch.Snapshot(scratch.Output));
        Assert.False(Directory.Exists(Path.Combine(scratch.Output, "gone")));
        Assert.False(Directory.Exists(update));
        Assert.False(Directory.Exists(dead));
        Assert.False(File.Exists(deadSpill));
        Assert.False(File.Exists(ownIdSpill));
        Assert.True(File.Exists(liveSpill));
        File.Delete(liveSpill);
    }

    [Fact]
    public void A_writer_disposed_without_commit_keeps_the_old_output_and_removes_its_temporary_folder()
    {
        using var scratch = new Scratch();
        Directory.CreateDirectory(scratch.Output);
        File.WriteAllText(Path.Combine(scratch.Output, SiteWriter.MarkerFile), "");
        File.WriteAllText(Path.Combine(scratch.Output, "index.html"), "old");
        var old = Scratch.Snapshot(scratch.Output);
        var bag = new DiagnosticBag();

        using (var writer = SiteWriter.Open(scratch.Output, [scratch.SiteRoot], bag))
        {
            Assert.NotNull(writer);
            writer.Write("index.html", "new"u8);
            writer.Write("deep/er/page.html", "new"u8);
            // No Commit: as if the build failed or threw here.
        }

        Assert.Empty(bag.ToSortedList());
        Assert.Equal(old, Scratch.Snapshot(scratch.Output));
        Assert.Equal(["._site.crosswalk-lock", "_site"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(scratch.Output)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_path_written_twice_holds_the_second_content_whole()
    {
        using var scratch = new Scratch();
        var bag = new DiagnosticBag();
        using (var writer = SiteWriter.Open(scratch.Output, [scratch.SiteRoot], bag))
        {
            Assert.NotNull(writer);
            writer.Write("a/index.html", "a longer first version"u8);
            writer.Write("a/index.html", "second"u8);
            writer.Commit(bag);
        }

        Assert.Equal("second", File.ReadAllText(Path.Combine(scratch.Output, "a", "index.html")));
    }

    [Fact]
    public void A_writer_refuses_paths_that_leave_the_output()
    {
        using var scratch = new Scratch();
        var bag = new DiagnosticBag();
        using var writer = SiteWriter.Open(scratch.Output, [scratch.SiteRoot], bag);
        Assert.NotNull(writer);

        // "C:/x" is a drive only on Windows; on other systems ':' is an ordinary file-name character.
        string[] paths = ["../x.html", "/etc/x", "a/../../x", "a\\..\\..\\x", "a/./b", "", "a\0b", .. (OperatingSystem.IsWindows() ? new[] { "C:/x" } : [])];
        foreach (var path in paths)
        {
            Assert.Throws<InvalidOperationException>(() => writer.Write(path, "x"u8));
        }
        Assert.False(File.Exists(Path.Combine(scratch.Root, "x.html")));
    }

    [Fact]
    public void An_output_folder_that_is_not_ours_or_holds_the_source_is_refused_and_left_alone()
    {
        using var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\n");
        scratch.Write("content/index.md", "# Home\n");
        var foreign = Path.Combine(scratch.Root, "out", "mine");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.docx"), "precious");

        foreach (var output in new[] { foreign, scratch.SiteRoot, Path.Combine(scratch.SiteRoot, "content"), scratch.Root, "/" })
        {
            var before = Scratch.Snapshot(scratch.Root);
            var result = SiteBuilder.Build(new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = output });
            Assert.False(result.Written, output);
            Assert.Contains(result.Diagnostics, d => d.Code == "CW5001");
            Assert.Equal(before, Scratch.Snapshot(scratch.Root));
        }
    }

    private static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
