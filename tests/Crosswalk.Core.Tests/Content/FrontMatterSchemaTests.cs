using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Content;

public sealed class FrontMatterSchemaTests
{
    private static (PageMeta Meta, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml, FrontMatterSchema? schema = null)
    {
        var bag = new DiagnosticBag();
        var result = FrontMatterReader.Read("---\n" + yaml + "---\n# T\n", "content/p.md", bag, schema);
        return (result.Meta, bag.ToSortedList());
    }

    [Fact]
    public void A_misspelt_key_is_a_warning_at_the_key_with_its_did_you_mean()
    {
        var (meta, diagnostics) = Read("title: T\nsatisifes:\n  soc2-tsc-2017: [CC6.1]\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("content/p.md(3,1): warning CW1007: unknown front-matter key 'satisifes'", d.ToString());
        Assert.Equal("did you mean 'satisfies'?", d.Help);
        Assert.Empty(meta.Satisfies);
    }

    [Fact]
    public void A_key_the_site_declares_is_known_and_its_type_is_checked()
    {
        var schema = FrontMatterSchema.BuiltIn.WithSiteKeys(new Dictionary<string, FieldKind> { ["classification"] = FieldKind.Text, ["effective"] = FieldKind.Date });

        var (_, good) = Read("classification: internal\neffective: 2026-01-01\n", schema);
        var (_, bad) = Read("classification: internal\neffective: next week\n", schema);

        Assert.Empty(good);
        var d = Assert.Single(bad);
        Assert.Equal("CW1003", d.Code);
        Assert.Equal((3, 12), (d.Location!.Value.Line, d.Location.Value.Column));
        Assert.Contains("'effective' must be an ISO date", d.Message);
    }

    [Theory]
    [InlineData("next_review: soon", "'next_review' must be an ISO date such as 2027-05-20, not 'soon'", 14)]
    [InlineData("last_reviewed: 2026-02-30", "'last_reviewed' must be an ISO date such as 2027-05-20, not '2026-02-30'", 16)]
    [InlineData("review_every: often", "'review_every' must be a duration such as '12 months', '1 year', '6 weeks' or '90 days', not 'often'", 15)]
    [InlineData("change: huge", "'change' must be major or minor, not 'huge'", 9)]
    [InlineData("document_type: manual", "'document_type' must be policy or procedure, not 'manual'", 16)]
    [InlineData("nav_exclude: maybe", "'nav_exclude' must be true or false, not 'maybe'", 14)]
    [InlineData("owner: [a, b]", "'owner' must be a single value, not a list", 8)]
    public void A_value_of_the_wrong_type_is_an_error_at_the_value(string line, string message, int column)
    {
        var (_, diagnostics) = Read(line + "\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal($"content/p.md(2,{column}): error CW1003: {message}", d.ToString());
    }

    [Theory]
    [InlineData("document_type: procedure\n", DocumentType.Procedure)]
    [InlineData("document_type: Policy\n", DocumentType.Policy)]
    [InlineData("", null)]
    public void The_document_type_is_read_when_stated(string yaml, DocumentType? type)
    {
        var (meta, diagnostics) = Read(yaml);

        Assert.Empty(diagnostics);
        Assert.Equal(type, meta.DocumentType);
    }

    [Fact]
    public void Document_control_fields_are_typed()
    {
        var (meta, diagnostics) = Read("""
            owner: Security Lead
            version: "2.1"
            change: Minor
            approved_by: [CISO, CTO]
            approved_on: 2026-11-21
            approvals:
              - { by: Board, on: 2026-12-01, role: Oversight, version: "2.0" }
            last_reviewed: 2026-11-20
            review_every: 6 months

            """);

        Assert.Empty(diagnostics);
        Assert.Equal("2.1", meta.Version);
        Assert.Equal(ChangeKind.Minor, meta.Change);
        Assert.Equal([new Approval("CISO, CTO", new DateOnly(2026, 11, 21), null, "2.1"), new Approval("Board", new DateOnly(2026, 12, 1), "Oversight", "2.0")],
            meta.Approvals);
        // The block shows the approval of the version in force, though the board's (of 2.0) is later.
        Assert.Equal("CISO, CTO", meta.LatestApproval!.By);
        Assert.Equal(new ReviewInterval(6, IntervalUnit.Month), meta.ReviewEvery);
        Assert.True(meta.IsControlled);
        Assert.Equal(new DateOnly(2027, 5, 20), ReviewState.Of(meta, new DateOnly(2026, 12, 6), 30).Due);
    }

    [Fact]
    public void Approvals_report_a_missing_approver_an_unknown_key_and_an_orphan_date()
    {
        var (_, diagnostics) = Read("approvals:\n  - { on: 2026-01-01 }\n  - { by: CISO, when: 2026-01-01 }\napproved_on: 2026-01-02\n");

        Assert.Equal(
        [
            "content/p.md(3,5): error CW1003: an approval needs 'by': who approved",
            "content/p.md(4,17): error CW1003: unknown key 'when' in an approval",
            "content/p.md(5,1): error CW1003: 'approved_on' needs 'approved_by': who approved",
        ], diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_next_review_before_the_last_review_is_an_error()
    {
        var (_, diagnostics) = Read("last_reviewed: 2026-11-20\nnext_review: 2026-01-01\n");

        Assert.Equal("content/p.md(3,14): error CW1003: next_review 2026-01-01 is before last_reviewed 2026-11-20", Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData("12 months", 12, IntervalUnit.Month)]
    [InlineData("1 year", 1, IntervalUnit.Year)]
    [InlineData("6 Weeks", 6, IntervalUnit.Week)]
    [InlineData("90days", 90, IntervalUnit.Day)]
    [InlineData("P18M", 18, IntervalUnit.Month)]
    [InlineData("p2y", 2, IntervalUnit.Year)]
    public void Review_intervals_read_words_and_iso_8601(string text, int count, IntervalUnit unit) =>
        Assert.Equal(new ReviewInterval(count, unit), ReviewInterval.Parse(text));

    [Theory]
    [InlineData("0 months")]
    [InlineData("-1 year")]
    [InlineData("soon")]
    [InlineData("12 fortnights")]
    [InlineData("200 years")]
    [InlineData("P1M2D")]
    public void Review_intervals_refuse_what_is_not_one(string text) => Assert.Null(ReviewInterval.Parse(text));

    [Fact]
    public void Month_arithmetic_ends_on_the_months_last_day() =>
        Assert.Equal(new DateOnly(2027, 2, 28), new ReviewInterval(1, IntervalUnit.Month).After(new DateOnly(2027, 1, 31)));

    [Fact]
    public void Every_registry_key_has_a_description_and_no_key_is_declared_twice()
    {
        var names = FrontMatterSchema.BuiltIn.Fields.Select(f => f.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(FrontMatterSchema.BuiltIn.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
        Assert.All(FrontMatterSchema.BuiltIn.Fields, f => Assert.NotNull(f.Read));
    }

    [Fact]
    public void The_readme_documents_every_front_matter_key()
    {
        var readme = File.ReadAllText(Crosswalk.Tests.Support.Repository.PathOf("README.md"));

        Assert.All(FrontMatterSchema.BuiltIn.Fields, f => Assert.Contains($"| `{f.Name}` |", readme));
    }

    [Fact]
    public void A_criterion_used_through_an_alias_is_reported_where_it_is_used_without_the_quote_shift()
    {
        var (meta, _) = Read("x: &c \"CC9.9\"\nsatisfies:\n  soc2-tsc-2017: [*c]\n");

        var entry = Assert.Single(meta.Satisfies);
        Assert.Equal((4, 3), (entry.Location.Line, entry.Location.Column));
    }

    [Theory]
    [InlineData("owner: ~\n")]
    [InlineData("owner: null\n")]
    [InlineData("owner:\n")]
    public void A_yaml_null_is_no_value_not_the_text_of_it(string yaml)
    {
        var (meta, diagnostics) = Read(yaml);

        Assert.Empty(diagnostics);
        Assert.Null(meta.Owner);
        Assert.False(meta.IsControlled);
        Assert.False(meta.Keys.ContainsKey("owner"));
    }

    [Fact]
    public void A_quoted_tilde_is_text()
    {
        var (meta, _) = Read("owner: \"~\"\n");

        Assert.Equal("~", meta.Owner);
    }

    [Fact]
    public void Redirect_from_is_bounded_with_an_error_at_the_first_entry_over()
    {
        var entries = string.Join(", ", Enumerable.Range(0, FrontMatterSchema.MaxRedirectsPerPage + 5).Select(i => $"/old/{i}/"));

        var (meta, diagnostics) = Read($"redirect_from: [{entries}]\n");

        Assert.Equal(FrontMatterSchema.MaxRedirectsPerPage, meta.RedirectFrom.Count);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1003", d.Code);
        Assert.StartsWith("a page may have at most 1000 'redirect_from' entries", d.Message);
        Assert.Equal(2, d.Location!.Value.Line);
    }

    [Fact]
    public void Name_is_kept_apart_from_title_so_title_wins_in_either_order()
    {
        var (both, _) = Read("name: From Name\ntitle: From Title\n");
        var (only, diagnostics) = Read("name: From Name\n");

        Assert.Empty(diagnostics);
        Assert.Equal(("From Title", "From Name"), (both.Title, both.Name));
        Assert.Equal((null, "From Name"), (only.Title, only.Name));
    }

    [Fact]
    public void Comply_keys_are_known()
    {
        var (_, diagnostics) = Read("name: Offboard\nacronym: OFF\nid: \"offboard\"\ncron: \"0 0 9 * * 1\"\nmajorRevisions:\n  - date: Jan 5 2026\n    comment: First version\n");

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("majorRevisions: Jan 5 2026\n", 2, 17, "'majorRevisions' must be a list of { date, comment }")]
    [InlineData("majorRevisions:\n  - First version\n", 3, 5, "each revision must be a mapping")]
    [InlineData("majorRevisions:\n  - { date: Jan 5 2026, coment: First }\n", 3, 25, "unknown key 'coment' in a revision")]
    [InlineData("majorRevisions:\n  - { date: [1, 2] }\n", 3, 13, "'date' must be a single value")]
    [InlineData("acronym: [A, B]\n", 2, 10, "'acronym' must be a single value")]
    public void A_comply_value_of_the_wrong_shape_is_CW1003_at_the_value(string yaml, int line, int column, string message)
    {
        var (_, diagnostics) = Read(yaml);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("CW1003", line, column), (d.Code, d.Location!.Value.Line, d.Location.Value.Column));
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_revision_key_gets_a_did_you_mean()
    {
        var (_, diagnostics) = Read("majorRevisions:\n  - { date: Jan 5 2026, coment: First }\n");

        Assert.Equal("did you mean 'comment'?", Assert.Single(diagnostics).Help);
    }
}
