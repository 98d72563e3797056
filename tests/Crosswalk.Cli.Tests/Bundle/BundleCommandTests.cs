using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Tests.Bundle;

[Collection("cli")]
public sealed partial class BundleCommandTests
{
    private static readonly string[] s_repoCatalogs = ["soc2-tsc-2017", "iso27001-2013", "iso27001-2022"];

    [Fact]
    public void The_repositorys_site_bundles_a_binder_per_catalog_whose_contents_and_index_name_pages_that_hold_each_document()
    {
        using var site = RepoSite.Copy();
        using var cli = new CliRunner(site.Root);

        var (exit, stdout, stderr) = cli.Run("bundle", "--output", "out", "--date", "2026-12-01");

        Assert.True(exit == 0, stdout + stderr);
        var analysis = SiteBuilder.Analyze(new BuildOptions { ConfigPath = cli.PathOf("site.yml"), Today = new DateOnly(2026, 12, 1) });
        var controlled = analysis.Pages.Where(p => p.Meta.IsControlled).Select(p => p.Title).ToList();
        Assert.True(controlled.Count >= 10, "the repository's site has its compliance documents");
        var claims = File.ReadAllLines(cli.PathOf("out/claims.csv")).Skip(1).Select(ClaimRow).ToList();
        foreach (var catalog in s_repoCatalogs)
        {
            var pdf = new PdfLines(cli.PathOf($"out/{catalog}.pdf"));
            Assert.InRange(pdf.Pages.Count, controlled.Count + 4, controlled.Count * 40);
            Assert.Contains(pdf.Pages[0], l => Regex.IsMatch(l, "^Commit [0-9a-f]{40}$"));

            // Contents: every controlled document, on the page its entry names.
            var contents = pdf.Pages[1];
            Assert.Equal("Contents", contents[0]);
            foreach (var title in controlled)
            {
                var entry = contents.SingleOrDefault(l => Regex.IsMatch(l, $"^{Regex.Escape(title)} \\d+$"));
                Assert.True(entry is not null, $"{catalog}: contents lack '{title}'");
                Assert.Equal(title, pdf.Pages[int.Parse(entry.Split(' ')[^1]) - 1][0]);
            }
            Assert.Contains(controlled, t => pdf.Bookmarks.Contains(t));

            // Index: each criterion claimed, and under it each claiming document with the page where it starts.
            var indexPage = pdf.PageStartingWith("Criterion index");
            var matrixPage = pdf.PageStartingWith("Coverage matrix");
            Assert.True(indexPage > 2 && matrixPage > indexPage, $"{catalog}: index at {indexPage}, matrix at {matrixPage}");
            var expected = claims.Where(c => c.Catalog == catalog).GroupBy(c => c.Criterion).ToDictionary(g => g.Key, g => g.Select(c => c.Document).ToHashSet());
            var found = new Dictionary<string, HashSet<string>>();
            string? criterion = null;
            foreach (var line in pdf.Pages.Skip(indexPage - 1).Take(matrixPage - indexPage).SelectMany(p => p.SkipLast(1)))
            {
                var first = line.Split(' ')[0];
                if (expected.ContainsKey(first) && !IndexEntry().IsMatch(line))
                {
                    criterion = first;
                    found[criterion] = [];
                }
                else if (criterion is not null && IndexEntry().Match(line) is { Success: true } m)
                {
                    var title = m.Groups["title"].Value;
                    var page = int.Parse(m.Groups["page"].Value);
                    Assert.True(pdf.Pages[page - 1][0] == title, $"{catalog} {criterion}: page {page} does not start '{title}'");
                    found[criterion].Add(title);
                }
            }
            Assert.Equal(expected.Keys.Order(), found.Keys.Order());
            foreach (var (id, documents) in expected)
            {
                Assert.True(documents.SetEquals(found[id]), $"{catalog} {id}: index has {string.Join("; ", found[id])}, claims.csv {string.Join("; ", documents)}");
            }
        }
        AssertManifestVerifies(cli.PathOf("out"));
    }

    [Fact]
    public void Two_runs_with_the_same_date_give_the_same_bytes_and_another_date_another_binder()
    {
        using var cli = new CliRunner("criteria");

        var a = cli.Run("bundle", "--output", "a", "--date", "2027-01-31");
        var b = cli.Run("bundle", "--output", "b", "--date", "2027-01-31");
        var c = cli.Run("bundle", "--output", "c", "--date", "2027-02-01");

        Assert.True(a.Exit == 0 && b.Exit == 0 && c.Exit == 0, a.Err + b.Err + c.Err);
        Assert.Equal(["MANIFEST.sha256", "claims.csv", "coverage.csv", "soc2-tsc-2017.pdf"], Directory.GetFiles(cli.PathOf("a")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(cli.PathOf("a")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(cli.PathOf("b"), Path.GetFileName(file))));
        }
        Assert.NotEqual(File.ReadAllBytes(cli.PathOf("a/soc2-tsc-2017.pdf")), File.ReadAllBytes(cli.PathOf("c/soc2-tsc-2017.pdf")));
        var manifest = File.ReadAllText(cli.PathOf("a/MANIFEST.sha256"));
        Assert.Matches("^# crosswalk bundle\n# commit: [0-9a-f]{40}\n# date: 2027-01-31\n", manifest);
    }

    [Fact]
    public void A_site_outside_git_says_so_and_text_in_any_script_is_extractable()
    {
        using var cli = new CliRunner("criteria", git: false);
        File.WriteAllText(cli.PathOf("content/greek.md"),
            "---\ntitle: Πολιτική πρόσβασης и Политика доступа\nowner: Σοφία\nversion: '2.0'\nsatisfies:\n  soc2-tsc-2017: [CC6.2]\n---\n\n" +
            "Κάθε χρήστης — каждый пользователь. A [link](https://example.com/x) and `code`.\n\n| A | B |\n|---|---|\n| one | two |\n\n![diagram](https://example.com/d.svg)\n\n![dot](dot.png)\n");
        // A 1×1 PNG: local images are embedded.
        File.WriteAllBytes(cli.PathOf("content/dot.png"), Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        File.WriteAllText(cli.PathOf("content/formula.md"), "---\ntitle: '=HYPERLINK(\"x\")'\nsatisfies:\n  soc2-tsc-2017: [CC6.3]\n---\n\nText.\n");

        var (exit, stdout, stderr) = cli.Run("bundle", "--output", "out", "--date", "2027-01-31");

        Assert.True(exit == 0, stdout + stderr);
        var pdf = new PdfLines(cli.PathOf("out/soc2-tsc-2017.pdf"));
        Assert.Contains("Commit not in git", pdf.Pages[0]);
        var page = pdf.PageStartingWith("Πολιτική πρόσβασης и Политика доступа");
        Assert.True(page > 0, string.Join('\n', pdf.Pages.SelectMany(p => p)));
        var text = string.Join('\n', pdf.Pages[page - 1]);
        Assert.Contains("Owner Σοφία", text);
        Assert.Contains("Κάθε χρήστης — каждый пользователь.", text);
        Assert.Contains("link (https://example.com/x)", text);
        Assert.Contains("[image: diagram (https://example.com/d.svg), not embedded", text);
        Assert.Equal(1, pdf.Images[page - 1]);
        Assert.StartsWith("# crosswalk bundle\n# commit: not in git\n", File.ReadAllText(cli.PathOf("out/MANIFEST.sha256")));
        var csv = File.ReadAllText(cli.PathOf("out/claims.csv"));
        Assert.Contains("Πολιτική πρόσβασης и Политика доступа,content/greek.md,soc2-tsc-2017,CC6.2,direct,", csv);
        // A title a spreadsheet would run as a formula is neutralised.
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",content/formula.md,soc2-tsc-2017,CC6.3,direct,", csv);
    }

    [Fact]
    public void A_comply_tree_prints_its_documents_without_their_yaml_first_front_matter()
    {
        using var cli = new CliRunner("profile-comply");
        // The fixture's planted link faults would stop the bundle: the policy keeps its front matter and a section.
        var access = File.ReadAllText(cli.PathOf("policies/access.md"));
        File.WriteAllText(cli.PathOf("policies/access.md"), access[..access.IndexOf("# Purpose and Scope", StringComparison.Ordinal)] + "# Purpose and Scope\n\nWho gets access.\n");
        // comply writes its front matter without the opening '---'.
        File.WriteAllText(cli.PathOf("policies/data.md"), "name: Data Retention Policy\nowner: Security Team\n---\n# Purpose and Scope\n\nWhat is kept.\n");

        var (exit, stdout, stderr) = cli.Run("bundle", "--output", "out", "--date", "2027-01-31");

        Assert.True(exit == 0, stdout + stderr);
        var pdf = new PdfLines(Directory.GetFiles(cli.PathOf("out"), "*.pdf").Single());
        var page = pdf.PageStartingWith("Data Retention Policy");
        Assert.True(page > 0, string.Join('\n', pdf.Pages.SelectMany(p => p)));
        Assert.Equal(["Data Retention Policy", "Source policies/data.md"], pdf.Pages[page - 1].Take(2));
        Assert.Contains("Owner Security Team", pdf.Pages[page - 1]);
        Assert.Equal(["Purpose and Scope", "What is kept."], pdf.Pages[page - 1].SkipWhile(l => l != "Purpose and Scope").Take(2));
        Assert.DoesNotContain(pdf.Pages[page - 1], l => l.Contains("name:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_with_errors_gets_no_bundle_and_exit_1_with_the_diagnostics()
    {
        using var cli = new CliRunner("faults");

        var (exit, stdout, stderr) = cli.Run("bundle", "--output", "out");

        Assert.Equal(1, exit);
        Assert.Contains("error CW", stdout);
        Assert.Contains("no bundle written", stderr);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Fact]
    public void An_unknown_catalog_is_a_usage_error_and_a_known_one_gets_the_only_binder()
    {
        using var cli = new CliRunner("criteria");

        var unknown = cli.Run("bundle", "--catalog", "soc3", "--output", "x");
        var known = cli.Run("bundle", "--catalog", "iso27001-2022", "--output", "y", "--date", "2027-01-31");

        Assert.Equal(2, unknown.Exit);
        Assert.Contains("unknown catalog 'soc3'", unknown.Err);
        Assert.True(known.Exit == 0, known.Err);
        Assert.Equal(["MANIFEST.sha256", "claims.csv", "coverage.csv", "iso27001-2022.pdf"], Directory.GetFiles(cli.PathOf("y")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [PdftoppmFact]
    public void The_pages_render_to_png_with_pdftoppm()
    {
        using var site = RepoSite.Copy();
        using var cli = new CliRunner(site.Root, git: false);
        Assert.Equal(0, cli.Run("bundle", "--output", "out", "--date", "2026-12-01").Exit);

        var start = new ProcessStartInfo(PdftoppmFactAttribute.Path!, ["-r", "30", "-png", "-f", "1", "-l", "3", "soc2-tsc-2017.pdf", "page"])
        {
            WorkingDirectory = cli.PathOf("out"),
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
        var pngs = Directory.GetFiles(cli.PathOf("out"), "page-*.png");
        Assert.Equal(3, pngs.Length);
        // A page with text on it compresses to more than a blank one.
        Assert.All(pngs, png => Assert.True(new FileInfo(png).Length > 2000, png));
    }

    private static void AssertManifestVerifies(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "MANIFEST.sha256")).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(Directory.GetFiles(folder).Length - 1, lines.Count);
        foreach (var line in lines)
        {
            var (hash, name) = (line[..64], line[66..]);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name)))));
        }
        var start = new ProcessStartInfo("sha256sum", ["-c", "--strict", "MANIFEST.sha256"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }

    private static (string Document, string Catalog, string Criterion) ClaimRow(string line)
    {
        // The titles of the repository's documents hold no comma or quote: the first three cells split plainly.
        var cells = line.Split(',');
        return (cells[0], cells[2], cells[3]);
    }

    [GeneratedRegex(@"^(?<title>.+?)(?: \(inherited\))? (?<page>\d+)$")]
    private static partial Regex IndexEntry();
}
