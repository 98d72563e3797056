using Crosswalk.Criteria;

namespace Crosswalk.Tests.Criteria;

/// <summary>Reference expressions over an OSCAL catalog: labels with '-' and '(...)', OSCAL ids, ranges and typos.</summary>
public sealed class OscalReferenceTests
{
    private static readonly Lazy<CatalogSet> s_set = new(() =>
    {
        var (set, diagnostics) = OscalCatalogTests.Load(OscalCatalogTests.Nist, "soc2-tsc-2017");
        Assert.Empty(diagnostics);
        return set;
    });

    private static CatalogSet Set => s_set.Value;

    private static Catalog Nist => Set.Get(OscalCatalogTests.NistId)!;

    private static ReferenceParseResult Parse(string text, Catalog? column = null) => ReferenceParser.Parse(text, column ?? Nist, Set);

    private static List<string> Refs(ReferenceParseResult result) => [.. result.References.Select(r => $"{r.Criterion.Id}@{r.Start}+{r.Length}")];

    [Theory]
    [InlineData("AC-2(1)")]
    [InlineData("ac-2.1")]
    [InlineData("ac-2(1)")]
    [InlineData("AC-2.1")]
    [InlineData("AC-02(01)")]
    public void Label_oscal_id_and_other_labels_name_the_same_criterion_as_one_word(string text)
    {
        var result = Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal([$"AC-2(1)@0+{text.Length}"], Refs(result));
    }

    [Fact]
    public void Lists_mix_labels_ids_controls_and_families()
    {
        var result = Parse("AC-2, AC-2(1); ac-2.2 and AC-3, ac");

        Assert.Empty(result.Problems);
        Assert.Equal(["AC-2@0+4", "AC-2(1)@6+7", "AC-2(2)@15+6", "AC-3@26+4", "ac@32+2"], Refs(result));
    }

    [Theory]
    [InlineData("AC-2-AC-4")]
    [InlineData("AC-2–AC-4")]
    [InlineData("AC-2 - AC-4")]
    [InlineData("AC-2-4")]
    [InlineData("ac-2-ac-4")]
    public void A_range_of_controls_runs_over_siblings(string text)
    {
        var result = Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(["AC-2", "AC-3", "AC-4"], result.References.Select(r => r.Criterion.Id));
        Assert.All(result.References, r => Assert.Equal((0, text.Length), (r.Start, r.Length)));
    }

    [Theory]
    [InlineData("AC-2(1)-AC-2(3)")]
    [InlineData("ac-2.1-ac-2.3")]
    [InlineData("AC-2(1)–ac-2.3")]
    public void A_range_of_enhancements_runs_over_one_controls_enhancements(string text)
    {
        var result = Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(["AC-2(1)", "AC-2(2)", "AC-2(3)"], result.References.Select(r => r.Criterion.Id));
    }

    [Theory]
    [InlineData("AC-99", "unknown criterion 'AC-99' in catalog 'nist-800-53-rev5-moderate'", "did you mean 'AC-19'?", 0, 5)]
    // Moderate has AC-2(1)-(5) and AC-2(13): the same control's enhancements first, the nearest numbers first.
    [InlineData("AC-2(99)", "unknown criterion 'AC-2(99)' in catalog 'nist-800-53-rev5-moderate'", "did you mean 'AC-2(13)', 'AC-2(5)' or 'AC-2(4)'?", 0, 8)]
    [InlineData("AC-2, ac-2.99", "unknown criterion 'ac-2.99' in catalog 'nist-800-53-rev5-moderate'", "did you mean 'AC-2(13)', 'AC-2(5)' or 'AC-2(4)'?", 6, 7)]
    [InlineData("AC-2-AC-99", "unknown criterion 'AC-99' in catalog 'nist-800-53-rev5-moderate'", "did you mean 'AC-19'?", 5, 5)]
    [InlineData("AC-2(1)-AC-2(99)", "unknown criterion 'AC-2(99)' in catalog 'nist-800-53-rev5-moderate'", "did you mean 'AC-2(13)', 'AC-2(5)' or 'AC-2(4)'?", 8, 8)]
    [InlineData("AC-2-99", "unknown criterion 'AC-2-99' in catalog 'nist-800-53-rev5-moderate'", null, 0, 7)]
    public void A_mistyped_compound_id_is_one_unknown_criterion_with_did_you_mean(string text, string message, string? help, int start, int length)
    {
        var result = Parse(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("CW3001", problem.Code);
        Assert.Equal(message, problem.Message);
        Assert.Equal(help, problem.Help);
        Assert.Equal((start, length), (problem.Start, problem.Length));
    }

    [Theory]
    [InlineData("AC-4-AC-2", "CW3003", "range 'AC-4-AC-2' is reversed")]
    [InlineData("AC-2-AU-3", "CW3003", "range 'AC-2-AU-3' is not over siblings: 'AC-2' is in 'ac' and 'AU-3' is in 'au'")]
    [InlineData("AC-2(1)-AC-3", "CW3003", "range 'AC-2(1)-AC-3' is not over siblings: 'AC-2(1)' is in 'AC-2' and 'AC-3' is in 'ac'")]
    [InlineData("CC6.1", "CW3002", "criterion 'CC6.1' is not in catalog 'nist-800-53-rev5-moderate' but in 'soc2-tsc-2017'")]
    [InlineData("AC-2 (1)", "CW3003", "unexpected '(1)' after 'AC-2'")]
    public void Ranges_and_stray_text_are_reported_as_for_other_catalogs(string text, string code, string message)
    {
        var result = Parse(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void An_oscal_label_in_another_catalogs_column_is_cw3002()
    {
        var result = Parse("AC-2(1)", Set.Get("soc2-tsc-2017"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("CW3002", problem.Code);
        Assert.Equal("criterion 'AC-2(1)' is not in catalog 'soc2-tsc-2017' but in 'nist-800-53-rev5-moderate'", problem.Message);
        Assert.Equal((0, 7), (problem.Start, problem.Length));
    }

    [Theory]
    [InlineData("CC7.2-CC7.4", "CC7.2 CC7.3 CC7.4", "")]
    [InlineData("CC7.2–7.4", "CC7.2 CC7.3 CC7.4", "")]
    [InlineData("CC7.2-4", "CC7.2 CC7.3 CC7.4", "")]
    [InlineData("CC7.2-CC7.9", "", "CW3001 unknown criterion 'CC7.9' in catalog 'soc2-tsc-2017' @6+5")]
    [InlineData("CC6.1(a)", "CC6.1", "CW3003 unexpected '(a)' after 'CC6.1' @5+3")]
    public void Loading_an_oscal_catalog_does_not_change_how_built_in_columns_read(string text, string criteria, string problems)
    {
        var soc2 = Set.Get("soc2-tsc-2017")!;
        var withOscal = ReferenceParser.Parse(text, soc2, Set);
        var without = ReferenceParser.Parse(text, soc2, CatalogSet.BuiltIn);

        Assert.Equal(criteria, string.Join(' ', withOscal.Criteria.Select(c => c.Id)));
        Assert.Equal(problems, string.Join('|', withOscal.Problems.Select(p => $"{p.Code} {p.Message} @{p.Start}+{p.Length}")));
        Assert.Equal(without.Problems.Select(p => (p.Code, p.Message, p.Help, p.Start, p.Length)), withOscal.Problems.Select(p => (p.Code, p.Message, p.Help, p.Start, p.Length)));
    }
}
