using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Crosswalk.Cli.Tests;

/// <summary>Controlled documents end to end: front-matter checks, review dates, the reviews page and command, revision history.</summary>
[Collection("cli")]
public sealed class DocumentControlCommandTests
{
    private const string Policies = """
        ---
        title: Access Policy
        owner: Security Lead
        version: "2.0"
        approved_by: CISO
        approved_on: 2026-06-01
        last_reviewed: 2026-06-01
        next_review: 2026-12-01
        ---
        # Access Policy

        ## Reviews

        Quarterly. See the [old page](/legacy/).
        """;

    private static CliRunner Site()
    {
        var cli = new CliRunner("clean");
        File.WriteAllText(cli.PathOf("content/policies/access.md"), Policies);
        File.WriteAllText(cli.PathOf("content/policies/backup.md"),
            "---\ntitle: \"=HYPERLINK(\\\"http://evil\\\")\"\nowner: Ops\nlast_reviewed: 2026-10-01\nreview_every: 3 months\n---\n# Backup\n");
        File.WriteAllText(cli.PathOf("content/policies/keys.md"), "---\ntitle: Key Management\nowner: Security Lead\nnext_review: 2027-09-01\n---\n# Keys\n");
        File.WriteAllText(cli.PathOf("content/policies/draft.md"), "---\ntitle: Draft\nowner: Nobody Yet\n---\n# Draft\n");
        cli.Commit("Add controlled documents", "2026-02-01T09:00:00+00:00");
        return cli;
    }

    [Fact]
    public void A_misspelt_key_fails_check_strict_with_its_did_you_mean()
    {
        using var cli = Site();
        File.WriteAllText(cli.PathOf("content/policies/keys.md"), "---\ntitle: Keys\nsatisifes:\n  soc2-tsc-2017: [CC6.1]\n---\n# Keys\n");

        var (exit, stdout, _) = cli.Run("check", "--strict", "--today", "2026-01-01");

        Assert.Equal(1, exit);
        Assert.Contains("content/policies/keys.md(3,1): warning CW1007: unknown front-matter key 'satisifes'\n    help: did you mean 'satisfies'?", stdout);
    }

    [Fact]
    public void A_date_that_is_not_one_is_an_error_at_its_line()
    {
        using var cli = Site();
        File.WriteAllText(cli.PathOf("content/policies/keys.md"), "---\ntitle: Keys\nnext_review: soon\n---\n# Keys\n");

        var (exit, stdout, _) = cli.Run("check", "--today", "2026-01-01");

        Assert.Equal(1, exit);
        Assert.Contains("content/policies/keys.md(3,14): error CW1003: 'next_review' must be an ISO date such as 2027-05-20, not 'soon'", stdout);
    }

    [Fact]
    public void After_a_next_review_check_warns_at_that_line_and_the_reviews_page_lists_it_first_as_overdue()
    {
        using var cli = Site();

        var (checkExit, checkOut, _) = cli.Run("check", "--today", "2026-12-20");
        var (buildExit, _, _) = cli.Run("build", "--today", "2026-12-20");

        Assert.Equal(0, checkExit);
        Assert.Contains("content/policies/access.md(8,14): warning CW1008: review overdue: the next review was due on 2026-12-01, 19 days before 2026-12-20", checkOut);
        Assert.Equal(0, buildExit);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(cli.PathOf("_site/reviews/index.html")));
        var rows = page.QuerySelectorAll("table.cw-reviews-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Access Policy", "Security Lead", "2.0", "2026-06-01", "2026-12-01", "overdue"], rows[0]);
        Assert.Equal(["=HYPERLINK(\"http://evil\")", "Ops", "—", "2026-10-01", "2027-01-01", "due soon"], rows[1]);
        Assert.Equal(["Key Management", "2027-09-01", "current"], [rows[2][0], rows[2][4], rows[2][5]]);
        Assert.Equal(["Draft", "—", "no review date"], [rows[3][0], rows[3][4], rows[3][5]]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void The_document_control_block_stands_right_under_the_title()
    {
        using var cli = Site();

        Assert.Equal(0, cli.Run("build", "--today", "2026-11-20").Exit);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(cli.PathOf("_site/policies/access/index.html")));
        var h1 = page.QuerySelector("article h1")!;
        var block = h1.NextElementSibling!;
        Assert.Equal("cw-doc-control", block.ClassName);
        var facts = block.QuerySelectorAll("dt").Zip(block.QuerySelectorAll("dd"), (dt, dd) => $"{dt.TextContent}: {dd.TextContent}").ToList();
        Assert.Equal(["Owner: Security Lead", "Version: 2.0", "Approved: CISO, 2026-06-01", "Last reviewed: 2026-06-01", "Next review: 2026-12-01 due soon"], facts);
        Assert.Null(page.QuerySelector("footer .cw-review, footer dl"));
    }

    [Fact]
    public void A_page_touched_by_three_commits_shows_three_revisions_newest_first()
    {
        using var cli = Site();
        File.AppendAllText(cli.PathOf("content/policies/keys.md"), "\nRevised scope.\n");
        cli.Commit("Narrow the scope", "2026-03-10T12:00:00+00:00", "Lee Reviewer");
        File.AppendAllText(cli.PathOf("content/policies/keys.md"), "\nAnnual review.\n");
        cli.Commit("Annual review <b>2026</b>", "2026-11-20T08:30:00+00:00");

        Assert.Equal(0, cli.Run("build", "--today", "2026-11-20").Exit);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(cli.PathOf("_site/policies/keys/index.html")));
        var rows = page.QuerySelectorAll(".cw-revisions tbody tr").Select(r => r.Children.Take(3).Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(
        [
            ["2026-11-20", "Dana Writer", "Annual review <b>2026</b>"],
            ["2026-03-10", "Lee Reviewer", "Narrow the scope"],
            ["2026-02-01", "Dana Writer", "Add controlled documents"],
        ], rows);
        // The untouched page has its one commit; --no-history leaves the table out.
        var draft = new HtmlParser().ParseDocument(File.ReadAllText(cli.PathOf("_site/policies/draft/index.html")));
        Assert.Single(draft.QuerySelectorAll(".cw-revisions tbody tr"));
        Assert.Equal(0, cli.Run("build", "--today", "2026-11-20", "--no-history").Exit);
        Assert.DoesNotContain("cw-revisions", File.ReadAllText(cli.PathOf("_site/policies/keys/index.html")));
    }

    [Fact]
    public void Outside_git_pages_get_no_history_and_check_says_so_once()
    {
        using var cli = new CliRunner("clean", git: false);

        var (exit, stdout, _) = cli.Run("check", "--verbose");
        var (_, quiet, _) = cli.Run("check", "--no-history", "--verbose");

        Assert.Equal(0, exit);
        Assert.Single(stdout.Split('\n'), l => l.StartsWith("info CW1011: not in a git repository", StringComparison.Ordinal));
        Assert.DoesNotContain("CW1011", quiet);
    }

    [Fact]
    public void Reviews_prints_text_csv_and_json_with_the_overdue_first()
    {
        using var cli = Site();

        var text = cli.Run("reviews", "--today", "2026-12-20");
        var csv = cli.Run("reviews", "--today", "2026-12-20", "--format", "csv");
        var json = cli.Run("reviews", "--today", "2026-12-20", "--format", "json");

        Assert.Equal(0, text.Exit);
        var lines = text.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("STATUS", lines[0]);
        Assert.Matches(@"^overdue +2026-12-01 +Access Policy +Security Lead +2\.0 +2026-06-01 +content/policies/access\.md$", lines[1]);
        Assert.Equal("4 controlled documents on 2026-12-20: 1 overdue, 1 due soon, 1 current, 1 without a review date", lines[^1]);
        var rows = csv.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("document,url,source,owner,version,approved_by,approved_on,last_reviewed,next_review,status,days_left", rows[0]);
        Assert.Equal("Access Policy,/policies/access/,content/policies/access.md,Security Lead,2.0,CISO,2026-06-01,2026-06-01,2026-12-01,overdue,-19", rows[1]);
        // A title a spreadsheet would run as a formula is inert.
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",", rows[2]);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("2026-12-20", root.GetProperty("today").GetString());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("overdue").GetInt32());
        var first = root.GetProperty("documents")[0];
        Assert.Equal(("Access Policy", "overdue", -19), (first.GetProperty("title").GetString(), first.GetProperty("status").GetString(), first.GetProperty("days_left").GetInt32()));
        Assert.Equal("CISO", first.GetProperty("approvals")[0].GetProperty("by").GetString());
    }

    [Fact]
    public void A_today_that_is_not_a_date_is_a_usage_error()
    {
        using var cli = Site();

        var (exit, _, stderr) = cli.Run("check", "--today", "2026-02-30");

        Assert.Equal(2, exit);
        Assert.Contains("--today must be a date written YYYY-MM-DD, such as 2027-01-31, not '2026-02-30'", stderr);
    }

    [Fact]
    public void Document_text_in_a_diagnostic_cannot_start_a_ci_command_or_steer_the_terminal()
    {
        using var cli = Site();
        File.WriteAllText(cli.PathOf("content/policies/keys.md"), "---\ntitle: Keys\n\"own\\n::error file=x.md::forged\\e[31m\": 1\n---\n# Keys\n");

        var (_, stdout, _) = cli.Run("check", "--today", "2026-01-01");

        Assert.DoesNotContain("\n::error", stdout);
        Assert.DoesNotContain("\u001b", stdout);
        Assert.Contains("unknown front-matter key 'own\uFFFD::error file=x.md::forged\uFFFD[31m'", stdout);
    }

    [Fact]
    public void A_comment_before_the_title_leaves_the_block_under_the_title()
    {
        using var cli = Site();
        File.WriteAllText(cli.PathOf("content/policies/keys.md"), "---\nowner: O\n---\n<!-- markdownlint-disable MD041 -->\n[ref]: https://example.com\n\n# Keys\n\nBody.\n");

        Assert.Equal(0, cli.Run("build", "--today", "2026-01-01").Exit);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(cli.PathOf("_site/policies/keys/index.html")));
        Assert.Equal("cw-doc-control", page.QuerySelector("article h1")!.NextElementSibling!.ClassName);
    }
}
