using CsCheck;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Criteria;

public sealed class ReferenceParserTests
{
    private static readonly CatalogSet Catalogs = CatalogSet.BuiltIn;
    private static Catalog Soc2 => Catalogs.Get("soc2-tsc-2017")!;
    private static Catalog Iso2013 => Catalogs.Get("iso27001-2013")!;
    private static Catalog Iso2022 => Catalogs.Get("iso27001-2022")!;

    private static ReferenceParseResult Parse(string text, Catalog catalog) => ReferenceParser.Parse(text, catalog, Catalogs);

    private static string[] Refs(ReferenceParseResult result) => result.References.Select(r => $"{r.Criterion.Id}@{r.Start}+{r.Length}").ToArray();

    private static string[] Codes(ReferenceParseResult result) => result.Problems.Select(p => $"{p.Code}@{p.Start}+{p.Length}").ToArray();

    [Fact]
    public void Parses_a_single_id_with_its_offsets()
    {
        // Given
        var text = "  CC8.1 ";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal(["CC8.1@2+5"], Refs(result));
        Assert.Empty(result.Problems);
        Assert.False(result.IsNone);
        Assert.Same(Soc2["CC8.1"], result.References[0].Criterion);
    }

    [Theory]
    [InlineData("CC7.2, CC7.3, CC7.4")]
    [InlineData("CC7.2; CC7.3; CC7.4")]
    [InlineData("CC7.2,CC7.3 and CC7.4")]
    [InlineData("CC7.2 AND CC7.3, and CC7.4")]
    public void Parses_lists_separated_by_comma_semicolon_or_and(string text)
    {
        // Given / When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["CC7.2", "CC7.3", "CC7.4"], result.References.Select(r => r.Criterion.Id));
        Assert.All(result.References, r => Assert.Equal(r.Criterion.Id, text.Substring(r.Start, r.Length), ignoreCase: true));
    }

    [Fact]
    public void Parses_the_seed_list_with_exact_offsets()
    {
        // Given
        var text = "CC6.1, CC6.2, CC6.3";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal(["CC6.1@0+5", "CC6.2@7+5", "CC6.3@14+5"], Refs(result));
    }

    [Fact]
    public void Accepts_ids_in_any_case_and_returns_the_canonical_criterion()
    {
        // Given
        var text = "cc6.1 and a1.2";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["CC6.1@0+5", "A1.2@10+4"], Refs(result));
    }

    [Theory]
    [InlineData("CC7.2-CC7.4")]
    [InlineData("CC7.2–CC7.4")]
    [InlineData("CC7.2–7.4")]
    [InlineData("CC7.2-4")]
    [InlineData("CC7.2 - CC7.4")]
    [InlineData("cc7.2—cc7.4")]
    public void Expands_a_range_over_siblings_with_the_range_span(string text)
    {
        // Given / When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["CC7.2", "CC7.3", "CC7.4"], result.References.Select(r => r.Criterion.Id));
        Assert.All(result.References, r => Assert.Equal((0, text.Length), (r.Start, r.Length)));
    }

    [Theory]
    [InlineData("A.9.1-A.9.4")]
    [InlineData("A.9.1–A.9.4")]
    [InlineData("A.9.1–9.4")]
    [InlineData("A.9.1-4")]
    public void Expands_an_iso_objective_range(string text)
    {
        // Given / When
        var result = Parse(text, Iso2013);

        // Then
        Assert.DoesNotContain(result.Problems, p => p.Severity == Severity.Error);
        Assert.Equal(["A.9.1", "A.9.2", "A.9.3", "A.9.4"], result.References.Select(r => r.Criterion.Id));
        Assert.All(result.References, r => Assert.Equal((0, text.Length), (r.Start, r.Length)));
    }

    [Fact]
    public void Keeps_offsets_of_a_range_inside_a_list()
    {
        // Given
        var text = "CC6.1, CC7.2–7.4 and CC8.1";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal(["CC6.1@0+5", "CC7.2@7+9", "CC7.3@7+9", "CC7.4@7+9", "CC8.1@21+5"], Refs(result));
    }

    [Fact]
    public void A_range_of_clauses_abbreviates_the_end()
    {
        // Given
        var text = "Clauses 9.1-3";

        // When
        var result = Parse(text, Iso2022);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["9.1@8+5", "9.2@8+5", "9.3@8+5"], Refs(result));
    }

    [Theory]
    [InlineData("CC7", "group")]
    [InlineData("P6", "group")]
    [InlineData("P", "group")]
    public void A_group_id_stands_for_the_group(string text, string kind)
    {
        // Given / When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        var r = Assert.Single(result.References);
        Assert.Equal(text, r.Criterion.Id);
        Assert.Equal(kind, r.Criterion.Kind);
    }

    [Fact]
    public void Iso_domain_and_objective_ids_stand_for_themselves()
    {
        // Given
        var text = "A.9, A.9.1";

        // When
        var result = Parse(text, Iso2022 == Iso2013 ? Iso2013 : Iso2013);

        // Then
        Assert.Equal(["A.9@0+3", "A.9.1@5+5"], Refs(result));
        Assert.Equal(["domain", "objective"], result.References.Select(r => r.Criterion.Kind));
    }

    [Theory]
    [InlineData("All TSC")]
    [InlineData("all tsc")]
    [InlineData("ALL  TSC")]
    public void An_alias_stands_for_its_criteria_with_the_alias_span(string text)
    {
        // Given / When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(Soc2.Roots, result.References.Select(r => r.Criterion));
        Assert.All(result.References, r => Assert.Equal((0, text.Length), (r.Start, r.Length)));
    }

    [Fact]
    public void An_alias_can_be_one_item_of_a_list()
    {
        // Given
        var text = "CC1.1; All TSC";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal("CC1.1@0+5", Refs(result)[0]);
        Assert.All(result.References.Skip(1), r => Assert.Equal((7, 7), (r.Start, r.Length)));
    }

    [Fact]
    public void Clause_prefix_applies_to_the_following_numbers()
    {
        // Given
        var text = "Clause 9, 10";

        // When
        var result = Parse(text, Iso2013);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["9@7+1", "10@10+2"], Refs(result));
        Assert.All(result.References, r => Assert.Equal("clause", r.Criterion.Kind));
    }

    [Fact]
    public void Clauses_prefix_accepts_subclauses_and_and()
    {
        // Given
        var text = "Clauses 9.1 and 10";

        // When
        var result = Parse(text, Iso2022);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["9.1@8+3", "10@16+2"], Refs(result));
    }

    [Fact]
    public void Clauses_of_the_withdrawn_edition_get_no_warning()
    {
        // Given
        var text = "Clause 9.1";

        // When
        var result = Parse(text, Iso2013);

        // Then
        Assert.Empty(result.Problems);
        Assert.Single(result.References);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("N/A")]
    [InlineData(" n/a ")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("–")]
    public void None_markers_mean_no_claim(string text)
    {
        // Given / When
        var result = Parse(text, Soc2);

        // Then
        Assert.True(result.IsNone);
        Assert.Empty(result.References);
        Assert.Empty(result.Problems);
        Assert.True(ReferenceParser.IsNoneText(text));
    }

    [Fact]
    public void Reports_CW3001_for_an_unknown_id_with_did_you_mean_in_the_same_group()
    {
        // Given
        var text = "CC7.2, CC7.9";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal(["CC7.2@0+5"], Refs(result));
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.UnknownCriterion, Severity.Error, 7, 5), (p.Code, p.Severity, p.Start, p.Length));
        Assert.Equal("unknown criterion 'CC7.9' in catalog 'soc2-tsc-2017'", p.Message);
        Assert.Equal("did you mean 'CC7.5', 'CC7.4' or 'CC7.3'?", p.Help);
    }

    [Theory]
    [InlineData("CC6.10", "did you mean 'CC6.1'?")]
    [InlineData("A.9.1.3", "did you mean 'A.9.1.2', 'A.9.1.1' or 'A.6.1.3'?")]
    [InlineData("A.19.1", "did you mean 'A.9.1', 'A.10.1' or 'A.11.1'?")]
    public void CW3001_help_lists_up_to_three_nearest_ids(string text, string help)
    {
        // Given
        var catalog = text.StartsWith('A') ? Iso2013 : Soc2;

        // When
        var result = Parse(text, catalog);

        // Then
        var p = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticCodes.UnknownCriterion, p.Code);
        Assert.Equal(help, p.Help);
    }

    [Fact]
    public void Reports_CW3001_for_an_unknown_range_end_on_the_end_token()
    {
        // Given
        var text = "CC7.2–7.9";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.References);
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.UnknownCriterion, 6, 3), (p.Code, p.Start, p.Length));
        Assert.Equal("unknown criterion 'CC7.9' in catalog 'soc2-tsc-2017'", p.Message);
    }

    [Fact]
    public void Reports_CW3001_for_an_unknown_clause()
    {
        // Given
        var text = "Clause 11";

        // When
        var result = Parse(text, Iso2013);

        // Then
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.UnknownCriterion, 7, 2), (p.Code, p.Start, p.Length));
        Assert.Equal("unknown clause '11' in catalog 'iso27001-2013'", p.Message);
        Assert.Equal("did you mean '10'?", p.Help);
    }

    [Fact]
    public void Reports_CW3002_for_an_iso_id_in_a_soc2_column()
    {
        // Given
        var text = "CC6.1, A.9.1";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal(["CC6.1@0+5"], Refs(result));
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.WrongCatalog, Severity.Error, 7, 5), (p.Code, p.Severity, p.Start, p.Length));
        Assert.Equal("criterion 'A.9.1' is not in catalog 'soc2-tsc-2017' but in 'iso27001-2013'", p.Message);
        Assert.Equal("criterion 'A.5.1' is not in catalog 'soc2-tsc-2017' but in 'iso27001-2013' and 'iso27001-2022'",
            Assert.Single(Parse("A.5.1", Soc2).Problems).Message);
    }

    [Fact]
    public void Reports_CW3002_for_a_2022_only_control_in_a_2013_column()
    {
        // Given
        var text = "a.8.34";

        // When
        var result = Parse(text, Iso2013);

        // Then
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.WrongCatalog, 0, 6), (p.Code, p.Start, p.Length));
        Assert.Equal("criterion 'A.8.34' is not in catalog 'iso27001-2013' but in 'iso27001-2022'", p.Message);
        Assert.Equal("reference it in a column mapped to 'iso27001-2022', or use a criterion of 'iso27001-2013'", p.Help);
    }

    [Fact]
    public void Reports_CW3002_for_an_alias_of_another_catalog_and_for_clauses_in_soc2()
    {
        // Given
        var text = "All TSC; Clause 9";

        // When
        var result = Parse(text, Iso2022);
        var soc2 = Parse("Clause 9", Soc2);

        // Then
        Assert.Equal(["CW3002@0+7"], Codes(result));
        Assert.Equal("alias 'All TSC' is not in catalog 'iso27001-2022' but in 'soc2-tsc-2017'", result.Problems[0].Message);
        Assert.Equal(["9@16+1"], Refs(result));
        Assert.Equal("clause '9' is not in catalog 'soc2-tsc-2017' but in 'iso27001-2013' and 'iso27001-2022'", Assert.Single(soc2.Problems).Message);
    }

    [Fact]
    public void Reports_CW3003_for_a_reversed_range()
    {
        // Given
        var text = "CC7.4-CC7.2";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.References);
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.MalformedReference, 0, 11), (p.Code, p.Start, p.Length));
        Assert.Equal("range 'CC7.4-CC7.2' is reversed", p.Message);
        Assert.Equal("write 'CC7.2-CC7.4'", p.Help);
    }

    [Fact]
    public void Reports_CW3003_for_a_range_across_groups()
    {
        // Given
        var text = "CC6.8-CC7.2";

        // When
        var result = Parse(text, Soc2);

        // Then
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.MalformedReference, 0, 11), (p.Code, p.Start, p.Length));
        Assert.Equal("range 'CC6.8-CC7.2' is not over siblings: 'CC6.8' is in 'CC6' and 'CC7.2' is in 'CC7'", p.Message);
    }

    [Fact]
    public void Reports_CW3003_for_a_range_between_non_siblings()
    {
        // Given
        var text = "A.9-A.9.4";

        // When
        var result = Parse(text, Iso2013);

        // Then
        var p = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticCodes.MalformedReference, p.Code);
        Assert.Equal("range 'A.9-A.9.4' is not over siblings: 'A.9' is in no group and 'A.9.4' is in 'A.9'", p.Message);
    }

    [Fact]
    public void A_range_of_root_groups_is_allowed()
    {
        // Given
        var text = "CC1-CC3";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Empty(result.Problems);
        Assert.Equal(["CC1", "CC2", "CC3"], result.References.Select(r => r.Criterion.Id));
    }

    [Theory]
    [InlineData("**CC7.2**", "unexpected '**CC7.2**'", 0, 9)]
    [InlineData("CC7.2 CC7.3", "missing separator before 'CC7.3'", 6, 5)]
    [InlineData("CC7.2,", "expected a criterion ID after ','", 5, 1)]
    [InlineData("CC7.2,,CC7.3", "expected a criterion ID between ',' and ','", 6, 1)]
    [InlineData(", CC7.2", "expected a criterion ID before ','", 0, 1)]
    [InlineData("CC7.2 (partial)", "unexpected '(partial)' after 'CC7.2'", 6, 9)]
    [InlineData("CC7.2-", "range 'CC7.2-' has no end", 0, 6)]
    [InlineData("All SOC", "'All SOC' is not a criterion ID or alias of catalog 'soc2-tsc-2017'", 0, 7)]
    [InlineData("Clause", "'Clause' must be followed by a clause number, as in 'Clause 9.1'", 0, 6)]
    [InlineData("CC7..2", "'CC7..2' is not a well-formed criterion ID", 0, 6)]
    [InlineData("[CC7.2](x)", "unexpected '[CC7.2](x)'", 0, 10)]
    [InlineData("CC7.2 & CC7.3", "unexpected '& CC7.3' after 'CC7.2'", 6, 7)]
    [InlineData("CC7.2--CC7.4", "malformed range 'CC7.2--CC7.4'", 0, 12)]
    [InlineData("CC7.2, N/A", "'N/A' means no claim and cannot be combined with criteria", 7, 3)]
    [InlineData("Clause A.9", "'Clause' must be followed by a clause number", 0, 10)]
    public void Reports_CW3003_for_malformed_expressions(string text, string message, int start, int length)
    {
        // Given / When
        var result = Parse(text, Soc2);

        // Then
        var p = result.Problems.First();
        Assert.Equal(DiagnosticCodes.MalformedReference, p.Code);
        Assert.Equal(Severity.Error, p.Severity);
        Assert.StartsWith(message, p.Message, StringComparison.Ordinal);
        Assert.Equal((start, length), (p.Start, p.Length));
        Assert.NotNull(p.Help);
    }

    [Fact]
    public void CW3003_suggests_a_close_alias()
    {
        // Given
        var text = "All SOC";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal("did you mean 'All TSC'?", Assert.Single(result.Problems).Help);
    }

    [Fact]
    public void CW3003_for_markdown_noise_suggests_plain_ids()
    {
        // Given
        var text = "`CC7.2`";

        // When
        var result = Parse(text, Soc2);

        // Then
        Assert.Equal("write plain IDs without Markdown formatting, links or comments", result.Problems[0].Help);
    }

    [Fact]
    public void Reports_CW3005_warning_with_the_2022_successors_of_a_2013_objective()
    {
        // Given
        var text = "A.16.1";

        // When
        var result = Parse(text, Iso2013);

        // Then
        Assert.Equal(["A.16.1@0+6"], Refs(result));
        var p = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.WithdrawnEdition, Severity.Warning, 0, 6), (p.Code, p.Severity, p.Start, p.Length));
        Assert.Equal(
            "ISO/IEC 27001:2013 was withdrawn on 2025-10-31; 'A.16.1' corresponds to A.5.24, A.5.25, A.5.26, A.5.27, A.5.28, A.6.8 in iso27001-2022",
            p.Message);
        Assert.Equal("map this to ISO/IEC 27001:2022 (catalog 'iso27001-2022') instead", p.Help);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Reports_one_CW3005_per_item_including_ranges()
    {
        // Given
        var text = "A.18.2.3, A.9.1-A.9.2";

        // When
        var result = Parse(text, Iso2013);

        // Then
        Assert.Equal(["CW3005@0+8", "CW3005@10+11"], Codes(result));
        Assert.EndsWith("'A.18.2.3' corresponds to A.5.36, A.8.8 in iso27001-2022", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("'A.9.1-A.9.2' corresponds to A.5.15, A.5.16, A.5.17, A.5.18, A.8.2 in iso27001-2022", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CW3005_says_clearly_when_a_control_has_no_counterpart()
    {
        // Given
        var bag = new DiagnosticBag();
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "300-catalogs");
        var set = CatalogSet.Load(["acme-2019.yaml", "acme.yaml", "acme-2019-to-2024.yaml"], root, bag);

        // When
        var result = ReferenceParser.Parse("AC.2, AC.1", set.Get("acme-2019")!, set);

        // Then
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(
            [
                "ACME Security Baseline 2019 was withdrawn on 2024-01-01; 'AC.2' has no counterpart in acme-2024",
                "ACME Security Baseline 2019 was withdrawn on 2024-01-01; 'AC.1' corresponds to AC-1 in acme-2024",
            ],
            result.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Parses_hyphenated_user_ids_and_ranges_of_them()
    {
        // Given
        var bag = new DiagnosticBag();
        var set = CatalogSet.Load(["300-catalogs/acme.yaml", "soc2-tsc-2017"], Path.Combine(AppContext.BaseDirectory, "TestData"), bag);
        var acme = set.Get("acme-2024")!;

        // When
        var single = ReferenceParser.Parse("AC-2", acme, set);
        var range = ReferenceParser.Parse("AC-1-AC-3, access baseline", acme, set);

        // Then
        Assert.Equal(["AC-2@0+4"], Refs(single));
        Assert.Empty(range.Problems);
        Assert.Equal(["AC-1@0+9", "AC-2@0+9", "AC-3@0+9", "AC@11+15", "OPS-1@11+15"], Refs(range));
    }

    [Fact]
    public void Never_throws_on_random_strings_and_keeps_problem_spans_inside_the_text()
    {
        // Given
        var gen = Gen.String;

        // When / Then
        gen.Sample(text =>
        {
            foreach (var catalog in new[] { Soc2, Iso2013, Iso2022 })
            {
                AssertWellFormed(text, Parse(text, catalog));
            }
        }, iter: 3000);
    }

    [Fact]
    public void Never_throws_on_mutated_valid_expressions()
    {
        // Given
        string[] valid =
        [
            "CC7.2, CC7.3, CC7.4", "CC7.2–7.4", "A.9.1-A.9.4", "A.9.1–A.9.4", "All TSC", "Clause 9, 10", "Clauses 9.1 and 10",
            "A.16.1", "CC6.1; CC6.2 and CC6.3", "N/A", "CC1-CC3", "A.18.2.3",
        ];
        var alphabet = "CcAa.0123456789-–—,; andTSClause/ \t*`[]()\u00a0\u200b\ud83d\ude00";
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100], Gen.Char[alphabet], Gen.Int[1, 4], (op, at, ch, count) => (op, at, ch, count));
        var gen = Gen.Select(Gen.OneOf(valid), mutation.Array[0, 6]).Select((seed, ops) =>
        {
            var s = seed;
            foreach (var (op, at, ch, count) in ops)
            {
                var pos = s.Length == 0 ? 0 : at % (s.Length + 1);
                s = op switch
                {
                    0 => s.Insert(pos, new string(ch, count)),
                    1 when pos < s.Length => s.Remove(pos, Math.Min(count, s.Length - pos)),
                    _ => s + s[..pos],
                };
            }
            return s;
        });

        // When / Then
        gen.Sample(text =>
        {
            AssertWellFormed(text, Parse(text, Soc2));
            AssertWellFormed(text, Parse(text, Iso2013));
        }, iter: 5000);
    }

    [Fact]
    public void Handles_huge_garbage_quickly_and_caps_problems()
    {
        // Given
        var text = string.Concat(Enumerable.Repeat("CC7.9, **x** A.9.1 and ", 50_000));

        // When
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Parse(text, Soc2);
        watch.Stop();

        // Then
        AssertWellFormed(text, result);
        Assert.True(result.Problems.Count <= 51);
        Assert.StartsWith("too many problems", result.Problems[^1].Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    private static void AssertWellFormed(string text, ReferenceParseResult result)
    {
        foreach (var p in result.Problems)
        {
            Assert.InRange(p.Start, 0, text.Length);
            Assert.InRange(p.Length, 1, text.Length - p.Start);
            Assert.False(string.IsNullOrEmpty(p.Message));
        }
        foreach (var r in result.References)
        {
            Assert.InRange(r.Start, 0, text.Length);
            Assert.InRange(r.Length, 1, text.Length - r.Start);
        }
        Assert.Equal(result.IsNone, ReferenceParser.IsNoneText(text));
    }
}
