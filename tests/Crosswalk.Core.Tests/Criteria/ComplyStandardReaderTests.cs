using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Criteria;

/// <summary>comply's <c>standards/*.yml</c> read as a catalog (the standards here are written for these tests).</summary>
public sealed class ComplyStandardReaderTests
{
    private const string Standard = """
        name: TSC
        CC6.1:
          family: CC6
          name: Logical Access Measures
          description: A paraphrase written for this test.
        CC6.2:
          family: CC6
          name: Account Registration
          description: A paraphrase written for this test.
        CC9.1:
          family: CC9
          name: Disruption Risk
          description: A paraphrase written for this test.
        CC9.2:
          family: CC9
          name: Vendor Risk
        A1.2:
          name: Backups and Recovery
        """;

    private static (CatalogFile? File, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var result = CatalogFileReader.Read(yaml, "standards/TSC-2017.yml", "standards/TSC-2017.yml", bag);
        return (result as CatalogFile, bag.ToSortedList());
    }

    [Fact]
    public void Reads_a_standard_as_a_catalog_named_by_its_name_with_families_as_groups()
    {
        // When
        var (file, diagnostics) = Read(Standard);

        // Then
        Assert.Empty(diagnostics);
        var catalog = file!.Catalog;
        Assert.Equal(("TSC", "TSC", "standards/TSC-2017.yml"), (catalog.Id, catalog.Name, catalog.Source));
        Assert.Equal(new SourceLocation("standards/TSC-2017.yml", 1, 7), file.IdLocation);
        Assert.Equal(
            [("CC6", "family", null), ("CC6.1", "criterion", "CC6"), ("CC6.2", "criterion", "CC6"), ("CC9", "family", null),
             ("CC9.1", "criterion", "CC9"), ("CC9.2", "criterion", "CC9"), ("A1.2", "criterion", null)],
            catalog.Criteria.Select(c => (c.Id, c.Kind, c.Parent?.Id)));
        Assert.Equal("Logical Access Measures", catalog["CC6.1"].Title);
    }

    [Fact]
    public void A_typo_is_an_unknown_criterion_with_its_familys_ids_first()
    {
        var (file, _) = Read(Standard);

        var result = ReferenceParser.Parse("CC9.9", file!.Catalog, CatalogSet.BuiltIn);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticCodes.UnknownCriterion, problem.Descriptor.Code);
        Assert.Equal("did you mean 'CC9.2' or 'CC9.1'?", problem.Help);
    }

    [Fact]
    public void A_family_named_as_a_criterion_listed_before_it_is_that_criterion()
    {
        var (file, diagnostics) = Read("name: X\nG1:\n  name: Group One\nG1.1:\n  family: G1\n  name: Member\n");

        Assert.Empty(diagnostics);
        Assert.Equal([("G1", null), ("G1.1", "G1")], file!.Catalog.Criteria.Select(c => (c.Id, c.Parent?.Id)));
        Assert.Equal("Group One", file.Catalog["G1"].Title);
    }

    [Theory]
    [InlineData("name: SOC 2\nA1:\n  name: T\n", 1, 7, "invalid standard name 'SOC 2'")]
    [InlineData("name: X\nA1:\n  family: A\n", 3, 3, "criterion 'A1' has no name")]
    [InlineData("name: X\nA1:\n  name: T\n  famliy: A\n", 4, 3, "unknown key 'famliy' in criterion 'A1'; expected family, name, description")]
    [InlineData("name: X\nA1:\n  name: T\na1:\n  name: U\n", 4, 1, "duplicate criterion id 'a1' (same as 'A1' ignoring case) in comply standard 'X'")]
    [InlineData("name: X\nA1.1:\n  family: A1\n  name: T\nA1:\n  name: U\n", 5, 1, "criterion 'A1' has the id of family 'A1'")]
    [InlineData("name: X\nA1: Just a title\n", 2, 5, "criterion 'A1' must be a mapping with family, name and description")]
    [InlineData("name: X\n'A 1':\n  name: T\n", 2, 1, "invalid criterion id 'A 1'")]
    [InlineData("name: X\nA1:\n  family: 'G 1'\n  name: T\n", 3, 11, "invalid family 'G 1' of criterion 'A1'")]
    [InlineData("name: X\n", 1, 1, "comply standard 'X' has no criteria")]
    [InlineData("name: TSC\n***CC1.1:\n  name: T\n", 2, 1, "invalid YAML")]
    public void Reports_CW3006_at_the_line_and_column_of_a_bad_standard(string yaml, int line, int column, string message)
    {
        var (_, diagnostics) = Read(yaml);

        var d = diagnostics[0];
        Assert.Equal(DiagnosticCodes.InvalidCatalog, d.Code);
        Assert.Equal(new SourceLocation("standards/TSC-2017.yml", line, column), d.Location);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_good_criteria_of_a_standard_with_a_bad_one()
    {
        var (file, diagnostics) = Read("name: X\nA1:\n  name: T\nA2:\n  description: no name\nA3:\n  name: V\n");

        Assert.Single(diagnostics);
        Assert.Equal(["A1", "A3"], file!.Catalog.Criteria.Select(c => c.Id));
    }

    [Theory]
    [InlineData("name: [a, b]\nA1:\n  name: T\n")]
    [InlineData("title: X\nA1:\n  name: T\n")]
    public void A_file_without_a_name_value_is_not_taken_for_a_standard(string yaml)
    {
        var (file, diagnostics) = Read(yaml);

        Assert.Null(file);
        Assert.Contains(diagnostics, d => d.Message.Contains("expected a 'catalog:' or 'crosswalk:' section", StringComparison.Ordinal));
    }

    [Fact]
    public void Loads_from_catalogs_and_clashes_with_another_catalog_of_its_id()
    {
        // Given
        using var site = new Crosswalk.Tests.Support.TempSite(("standards/TSC-2017.yml", Standard),
            ("tsc.yaml", "catalog:\n  id: TSC\ncriteria:\n  - { id: X1, title: X }\n"));
        var bag = new DiagnosticBag();

        // When
        var set = CatalogSet.Load(["standards/TSC-2017.yml", "tsc.yaml"], site.Root, bag);

        // Then
        Assert.Equal("standards/TSC-2017.yml", set.Get("TSC")!.Source);
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal("tsc.yaml(2,7): error CW3006: catalog id 'TSC' is already used by 'standards/TSC-2017.yml'", d.ToString());
    }
}
