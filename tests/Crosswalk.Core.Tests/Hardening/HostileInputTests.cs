using AngleSharp.Html.Parser;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Hardening;

/// <summary>
/// Runs every case of TestData/800-hostile through <c>check</c> and <c>build</c>: the expected located diagnostics, in
/// bounded time, no exception, nothing written outside the output folder, the last good site kept when the build
/// fails, and no script in the built pages but the theme's own.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Cases() => HostileCorpus.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_answers_each_case_with_its_expected_located_diagnostics(string name)
    {
        using var scratch = new Scratch();
        HostileCorpus.Materialize(name, scratch.SiteRoot);

        var result = HostileCorpus.CheckBounded(scratch.ConfigPath);

        HostileCorpus.AssertLocated(result.Diagnostics);
        if (name == "unreadable-files" && HostileCorpus.IsRoot)
        {
            return; // root reads a chmod 000 file: nothing to expect
        }
        if (DiagnosticGolden.Accepting)
        {
            HostileCorpus.Accept(name, result.Diagnostics, scratch.SiteRoot);
        }
        var (expected, actual) = HostileCorpus.Compare(HostileCorpus.Expected(name), result.Diagnostics, scratch.SiteRoot);
        if (Environment.GetEnvironmentVariable("CW_DUMP") is { } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllText(Path.Combine(dump, name + ".txt"), string.Join("\n", result.Diagnostics.Select(d => d.ToString())) + "\n");
        }
        Assert.True(expected.SequenceEqual(actual),
            $"case {name}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}\nfull:\n{HostileCorpus.Describe(result.Diagnostics)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_writes_only_the_output_folder_keeps_the_last_good_site_and_injects_no_script(string name)
    {
        using var scratch = new Scratch();
        HostileCorpus.Materialize(name, scratch.SiteRoot);
        // A previous good site, as a former build left it.
        Directory.CreateDirectory(scratch.Output);
        File.WriteAllText(Path.Combine(scratch.Output, SiteWriter.MarkerFile), "");
        File.WriteAllText(Path.Combine(scratch.Output, "index.html"), "<p>previous good site</p>");
        var previous = Scratch.Snapshot(scratch.Output);
        var outside = Scratch.Snapshot(Path.GetDirectoryName(scratch.Root)!, except: scratch.Output);

        var result = HostileCorpus.Bounded(() => SiteBuilder.Build(new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output }));

        HostileCorpus.AssertLocated(result.Diagnostics);
        // Nothing outside the output folder changed (siblings of the scratch folder included) but the output's lock file,
        // which stays (deleting it could let two builds lock two files); no temporary folder is left.
        var after = Scratch.Snapshot(Path.GetDirectoryName(scratch.Root)!, except: scratch.Output);
        var mine = Path.GetFileName(scratch.Root) + "/";
        var lockFile = mine + "out/._site.crosswalk-lock";
        Assert.Equal(outside.Where(e => e.Key.StartsWith(mine, StringComparison.Ordinal)),
            after.Where(e => e.Key.StartsWith(mine, StringComparison.Ordinal) && e.Key != lockFile));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(Path.Combine(scratch.Root, "out")).Select(Path.GetFileName).Where(n => n != "._site.crosswalk-lock"));

        if (!result.Written)
        {
            Assert.True(result.Errors > 0 || result.Diagnostics.Count > 0, "a build that wrote nothing must say why");
            Assert.Equal(previous, Scratch.Snapshot(scratch.Output));
            return;
        }
        Assert.True(File.Exists(Path.Combine(scratch.Output, SiteWriter.MarkerFile)));
        AssertNoForeignScript(scratch.Output);
    }

    [Fact]
    public void Script_planted_in_title_summary_owner_headings_and_names_renders_as_text()
    {
        const string Xss = "<script>alert(1)</script>";
        using var scratch = new Scratch();
        scratch.Write("site.yml", $"title: \"{Xss}\"\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md",
            $"---\ntitle: \"{Xss}\"\nsummary: \"{Xss}\"\nowner: \"{Xss}\"\nversion: \"{Xss}\"\napproved_by: \"{Xss}\"\nshort_title: \"{Xss}\"\n---\n"
            + "Intro.\n\n## \\<script\\>alert(1)\\</script\\>\n\n### `<script>alert(2)</script>`\n\n## \"\\>\\<img src=x onerror=alert(3)\\>\n\n"
            + "[next](next.md) [odd](%3Cimg%20src=x%20onerror=alert(4)%3E.md)\n");
        scratch.Write("content/next.md", "# \\<script\\>alert(5)\\</script\\>\n\nNo front matter: the H1 is the title.\n\n[home](index.md)\n");
        scratch.Write("content/<img src=x onerror=alert(4)>.md", "Title from the file name.\n\n[home](index.md)\n");
        scratch.Write("content/perm.md", "---\npermalink: \"/a\\\"><script>alert(6)<\\/script>/\"\n---\n# P\n\n[home](index.md)\n");

        var result = HostileCorpus.Bounded(() => SiteBuilder.Build(new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output }));

        HostileCorpus.AssertLocated(result.Diagnostics);
        Assert.True(result.Written, HostileCorpus.Describe(result.Diagnostics));
        AssertNoForeignScript(scratch.Output);
        var home = File.ReadAllText(Path.Combine(scratch.Output, "index.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", home);
    }

    [Fact]
    public void Odd_file_names_build_and_links_to_them_are_percent_encoded()
    {
        using var scratch = new Scratch();
        HostileCorpus.Materialize("odd-file-names", scratch.SiteRoot);

        var result = HostileCorpus.Bounded(() => SiteBuilder.Build(new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output }));

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Written);
        foreach (var page in new[] { "a b", "\u00fcn\u00ef", "$(x);|&", "it's \"quoted\" <x>", "sub dir/p\u00e4ge #1" })
        {
            Assert.True(File.Exists(Path.Combine(scratch.Output, page, "index.html")), page);
        }
        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(scratch.Output, "index.html")));
        var hrefs = home.QuerySelectorAll("article a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Contains("./a%20b/", hrefs);
        Assert.Contains(hrefs, h => h.Equals("./%C3%BCn%C3%AF/", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(hrefs, h => h.StartsWith("./%24", StringComparison.OrdinalIgnoreCase) || h.StartsWith("./$(x)", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.Contains("p%C3%A4ge%20%231", StringComparison.OrdinalIgnoreCase));
        Assert.All(hrefs, h => Assert.DoesNotContain(' ', h));
    }

    [Fact]
    public void Symlinked_files_outside_the_source_are_not_read_into_the_output()
    {
        using var scratch = new Scratch();
        HostileCorpus.Materialize("symlink-outside", scratch.SiteRoot);

        var result = HostileCorpus.Bounded(() => SiteBuilder.Build(new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output }));

        Assert.True(result.Written, HostileCorpus.Describe(result.Diagnostics));
        foreach (var file in Directory.EnumerateFiles(scratch.Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(HostileCorpus.SecretText, text);
            Assert.DoesNotContain("root:x:0:0", text);
        }
    }

    internal static void AssertNoForeignScript(string output)
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            var doc = parser.ParseDocument(html);
            foreach (var script in doc.Scripts)
            {
                // The theme's scripts only: crosswalk.js from site.asset_base, search.js from the page's relative root.
                Assert.True(script.Source is { } src && (src.EndsWith("/assets/crosswalk.js", StringComparison.Ordinal) || src.EndsWith("/assets/search.js", StringComparison.Ordinal))
                    && script.Text.Length == 0,
                    $"{file}: foreign script {script.OuterHtml}");
            }
            foreach (var element in doc.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(element.Attributes, a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
            }
            Assert.Equal(doc.Scripts.Length, CountOrdinalIgnoreCase(html, "<script"));
        }
    }

    private static int CountOrdinalIgnoreCase(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            n++;
        }
        return n;
    }
}
