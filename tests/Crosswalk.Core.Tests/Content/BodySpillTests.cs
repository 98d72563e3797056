using System.Text;
using Crosswalk.Content;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Content;

public sealed class BodySpillTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("crosswalk-spill-");

    private string Output => Path.Combine(_dir.FullName, "_site");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Bodies_added_from_many_threads_read_back_as_they_were_given()
    {
        var bodies = Enumerable.Range(0, 2_000).Select(i => Encoding.UTF8.GetBytes(i switch
        {
            0 => "",
            1 => "<p>Ünïcödé — 日本語 — 🚀</p>\n",
            2 => string.Concat(Enumerable.Repeat("<tr><td>CC6.1</td><td>Logical access</td></tr>\n", 20_000)),
            _ => $"<h1>Policy {i}</h1>\n" + new string('x', i % 700),
        })).ToArray();
        using var spill = BodySpill.Open(Output);
        Assert.NotNull(spill);

        var stored = new SpilledBody?[bodies.Length];
        Parallel.For(0, bodies.Length, i => stored[i] = spill.TryAdd(bodies[i]));

        // Each body has its own place: the places tile the file from its start.
        Assert.Equal(bodies.Sum(b => (long)b.Length), stored.Max(b => b!.Value.Offset + b.Value.Length));
        for (var i = 0; i < bodies.Length; i++)
        {
            Assert.Equal(bodies[i].Length, stored[i]!.Value.Length);
            Assert.Equal(bodies[i], stored[i]!.Value.Read());
        }
    }

    [Fact]
    public void The_file_has_no_name_while_it_is_used_and_is_gone_when_closed()
    {
        var spill = BodySpill.Open(Output)!;
        var body = spill.TryAdd("<p>kept</p>"u8)!.Value;

        // Unix: unlinked as soon as it is open, so a killed build leaves nothing. Windows deletes it at close.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.FullName));
        }
        Assert.Equal("<p>kept</p>"u8.ToArray(), body.Read());
        spill.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.FullName));
        Assert.Throws<ObjectDisposedException>(() => body.Read());
    }

    [Fact]
    public void No_spill_is_made_where_no_file_can_be()
    {
        Assert.Null(BodySpill.Open(Path.Combine(_dir.FullName, "missing", "_site")));
    }

    [Fact]
    public void A_full_disk_refuses_the_body_and_every_later_one()
    {
        // Linux's always-full device; elsewhere there is none to write to.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var spill = BodySpill.Over(File.OpenHandle("/dev/full", FileMode.Open, FileAccess.ReadWrite));

        Assert.Null(spill.TryAdd("<p>one</p>"u8));
        Assert.Null(spill.TryAdd(""u8));
    }

    [Fact]
    public void A_build_keeps_its_bodies_in_the_spill_and_writes_them_while_check_keeps_them_in_memory()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\nSee [access](access.md#reviews).\n"),
            ("content/access.md", "# Access\n\n## Reviews\n\nQuarterly, by the *owner* — ✓.\n"));
        var output = site.PathOf("out");

        var build = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = output }, RunMode.Build, new SiteStages());
        var check = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath }, RunMode.Check, new SiteStages());

        Assert.True(build.Result.Written);
        Assert.All(build.Site!.Pages, p => Assert.NotNull(p.Spilled));
        Assert.All(check.Site!.Pages, p => Assert.Null(p.Spilled));
        // The spill is closed with the build: what was written came from it.
        Assert.Throws<ObjectDisposedException>(() => build.Site.Pages[0].BodyUtf8);
        var html = site.Read("out/access/index.html");
        Assert.Contains("<h2 id=\"reviews\">Reviews", html);
        Assert.Contains("<p>Quarterly, by the <em>owner</em> — ✓.</p>", html);
        Assert.Contains("<a href=\"./access/#reviews\">access</a>", site.Read("out/index.html"));
        Assert.Equal([".out.crosswalk-lock", "out"], Directory.EnumerateFileSystemEntries(site.Root, "*out*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
