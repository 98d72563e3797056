using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Criteria;

public sealed class CatalogSetTests
{
    private static readonly string SiteRoot = Path.Combine(AppContext.BaseDirectory, "TestData");

    private static (CatalogSet Set, IReadOnlyList<Diagnostic> Diagnostics) Load(params string[] specs)
    {
        var bag = new DiagnosticBag();
        var set = CatalogSet.Load(specs, SiteRoot, bag);
        return (set, bag.ToSortedList());
    }

    [Fact]
    public void BuiltInIds_name_the_three_catalogs_and_the_crosswalk()
    {
        // Given / When
        var ids = CatalogSet.BuiltInIds;

        // Then
        Assert.Equal(["soc2-tsc-2017", "iso27001-2013", "iso27001-2022", "iso27001-2013-to-2022"], ids);
    }

    [Fact]
    public void Loads_built_in_catalogs_by_id_without_diagnostics()
    {
        // Given / When
        var (set, diagnostics) = Load("soc2-tsc-2017", "iso27001-2022");

        // Then
        Assert.Empty(diagnostics);
        Assert.Equal(["soc2-tsc-2017", "iso27001-2022"], set.All.Select(c => c.Id));
        Assert.True(set.Get("soc2-tsc-2017")!.IsBuiltIn);
        Assert.Null(set.Get("iso27001-2013"));
        Assert.Empty(set.Mappings);
    }

    [Fact]
    public void Loading_a_withdrawn_catalog_brings_its_successor_and_crosswalk()
    {
        // Given / When
        var (set, diagnostics) = Load("soc2-tsc-2017", "iso27001-2013");

        // Then
        Assert.Empty(diagnostics);
        Assert.Equal(["soc2-tsc-2017", "iso27001-2013", "iso27001-2022"], set.All.Select(c => c.Id));
        Assert.NotNull(set.GetMapping("iso27001-2013-to-2022"));
    }

    [Fact]
    public void Successors_of_a_control_are_its_2022_controls()
    {
        // Given
        var set = CatalogSet.BuiltIn;
        var control = set.Get("iso27001-2013")!["A.18.2.3"];

        // When
        var successors = set.Successors(control);

        // Then
        Assert.Equal(["A.5.36", "A.8.8"], successors.Select(s => s.Id));
    }

    [Fact]
    public void Successors_of_an_objective_are_the_distinct_union_in_catalog_order()
    {
        // Given
        var set = CatalogSet.BuiltIn;
        var objective = set.Get("iso27001-2013")!["A.16.1"];

        // When
        var successors = set.Successors(objective);

        // Then
        Assert.Equal(["A.5.24", "A.5.25", "A.5.26", "A.5.27", "A.5.28", "A.6.8"], successors.Select(s => s.Id));
    }

    [Fact]
    public void Successors_of_a_domain_cover_all_its_controls()
    {
        // Given
        var set = CatalogSet.BuiltIn;
        var domain = set.Get("iso27001-2013")!["A.9"];

        // When
        var successors = set.Successors(domain);

        // Then
        Assert.Equal(["A.5.15", "A.5.16", "A.5.17", "A.5.18", "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.8.18"], successors.Select(s => s.Id));
    }

    [Fact]
    public void Successors_are_empty_for_a_catalog_without_crosswalk()
    {
        // Given
        var set = CatalogSet.BuiltIn;

        // When
        var successors = set.Successors(set.Get("soc2-tsc-2017")!["CC6.1"]);

        // Then
        Assert.Empty(successors);
    }

    [Fact]
    public void Loads_a_user_catalog_with_groups_aliases_and_hyphenated_ids()
    {
        // Given / When
        var (set, diagnostics) = Load("300-catalogs/acme.yaml");

        // Then
        Assert.Empty(diagnostics);
        var acme = set.Get("acme-2024")!;
        Assert.Equal("ACME Security Baseline 2024", acme.Name);
        Assert.Equal("300-catalogs/acme.yaml", acme.Source);
        Assert.False(acme.IsBuiltIn);
        Assert.Equal(["AC", "AC-1", "AC-2", "AC-3", "OPS", "OPS-1", "OPS-2"], acme.Criteria.Select(c => c.Id));
        Assert.Equal("criterion", acme["AC-1"].Kind);
        Assert.Equal("group", acme["OPS"].Kind);
        Assert.Equal(acme.Roots, acme.FindAlias("all acme")!.Criteria);
        Assert.Equal(["AC", "OPS-1"], acme.FindAlias("Access Baseline")!.Criteria.Select(c => c.Id));
    }

    [Fact]
    public void Loads_a_user_crosswalk_and_auto_loads_its_built_in_target()
    {
        // Given / When
        var (set, diagnostics) = Load("300-catalogs/acme-to-soc2.yaml", "300-catalogs/acme.yaml");

        // Then
        Assert.Empty(diagnostics);
        var mapping = set.GetMapping("acme-to-soc2")!;
        Assert.Equal(["CC6.2", "CC6.3"], mapping.Map("AC-2").Select(c => c.Id));
        Assert.True(mapping.Contains(mapping.Source["AC-3"]));
        Assert.Empty(mapping.Map("AC-3"));
        Assert.NotNull(set.Get("soc2-tsc-2017"));
    }

    [Fact]
    public void A_user_withdrawn_catalog_needs_its_successor_loaded()
    {
        // Given / When
        var (_, diagnostics) = Load("300-catalogs/acme-2019.yaml");

        // Then
        Assert.Equal(
            [
                "300-catalogs/acme-2019.yaml(6,16): error CW3006: successor catalog 'acme-2024' of withdrawn catalog 'acme-2019' is not loaded; add it to 'catalogs:'",
                "300-catalogs/acme-2019.yaml(7,16): error CW3006: crosswalk 'acme-2019-to-2024' of withdrawn catalog 'acme-2019' is not loaded; add it to 'catalogs:'",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("syntax-error.yaml", 3, 9, "invalid YAML")]
    [InlineData("duplicate-id.yaml", 7, 11, "duplicate criterion id 'X1' in catalog 'dup'; first defined on line 5")]
    [InlineData("unknown-parent.yaml", 7, 40, "unknown parent 'G2' of criterion 'G2.1'")]
    [InlineData("missing-title.yaml", 6, 5, "criterion 'T2' has no title")]
    [InlineData("unknown-key.yaml", 6, 28, "unknown key 'parnet' in a criterion; expected id, title, kind, parent")]
    [InlineData("not-a-mapping.yaml", 1, 1, "expected a mapping with a 'catalog:' or 'crosswalk:' section")]
    [InlineData("unknown-crosswalk-target.yaml", 6, 19, "unknown criterion 'A.5.99' in target catalog 'iso27001-2022' of crosswalk 'bad-crosswalk'")]
    public void Reports_CW3006_at_the_line_and_column_of_a_bad_catalog_file(string file, int line, int column, string message)
    {
        // Given
        var spec = $"300-catalogs/{file}";

        // When
        var (_, diagnostics) = Load(spec);

        // Then
        var first = diagnostics.First();
        Assert.Equal(DiagnosticCodes.InvalidCatalog, first.Code);
        Assert.Equal(Severity.Error, first.Severity);
        Assert.Equal(new SourceLocation(spec, line, column), first.Location);
        Assert.Contains(message, first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_valid_criteria_of_a_catalog_with_errors()
    {
        // Given / When
        var (set, diagnostics) = Load("300-catalogs/duplicate-id.yaml");

        // Then
        Assert.Single(diagnostics);
        Assert.Equal(["X1", "X2"], set.Get("dup")!.Criteria.Select(c => c.Id));
        Assert.Equal("First", set.Get("dup")!["X1"].Title);
    }

    [Fact]
    public void Reports_each_bad_crosswalk_entry()
    {
        // Given / When
        var (_, diagnostics) = Load("300-catalogs/unknown-crosswalk-target.yaml");

        // Then
        Assert.Equal(
            [
                "300-catalogs/unknown-crosswalk-target.yaml(6,19): error CW3006: unknown criterion 'A.5.99' in target catalog 'iso27001-2022' of crosswalk 'bad-crosswalk'",
                "300-catalogs/unknown-crosswalk-target.yaml(7,3): error CW3006: unknown criterion 'CC6.9' in source catalog 'soc2-tsc-2017' of crosswalk 'bad-crosswalk'",
            ],
            diagnostics.Select(d => d.ToString()));
        Assert.Equal("did you mean 'CC6.8', 'CC6.7' or 'CC6.6'?", diagnostics[1].Help);
    }

    [Fact]
    public void Reports_CW3006_for_a_missing_file_with_a_did_you_mean_for_built_in_ids()
    {
        // Given / When
        var (set, diagnostics) = Load("soc2-tsc-2071");

        // Then
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidCatalog, d.Code);
        Assert.Null(d.Location);
        Assert.StartsWith("catalog 'soc2-tsc-2071' is not a built-in catalog", d.Message, StringComparison.Ordinal);
        Assert.Contains("the file 'soc2-tsc-2071' does not exist", d.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'soc2-tsc-2017'?", d.Help);
        Assert.Empty(set.All);
    }

    [Fact]
    public void A_user_catalog_cannot_take_a_built_in_id_even_when_the_built_in_is_not_loaded()
    {
        // A one-criterion 'soc2-tsc-2017' would otherwise report SOC 2 as fully covered.
        using var site = new Crosswalk.Tests.Support.TempSite(("tsc.yaml", "catalog:\n  id: soc2-tsc-2017\ncriteria:\n  - { id: X1, title: X }\n"),
            ("walk.yaml", "crosswalk:\n  id: iso27001-2013-to-2022\n  source: soc2-tsc-2017\n  target: soc2-tsc-2017\nmap: {}\n"));
        var bag = new DiagnosticBag();

        var set = CatalogSet.Load(["tsc.yaml", "walk.yaml"], site.Root, bag);

        Assert.Equal(
        [
            "tsc.yaml(2,7): error CW3006: catalog id 'soc2-tsc-2017' is the id of a built-in catalog; give this catalog an id of its own",
            "walk.yaml(2,7): error CW3006: crosswalk id 'iso27001-2013-to-2022' is the id of a built-in crosswalk; give this crosswalk an id of its own",
        ], bag.ToSortedList().Select(d => d.ToString()));
        Assert.Null(set.Get("soc2-tsc-2017"));
    }

    [Fact]
    public void Reports_CW3006_when_a_user_catalog_reuses_a_loaded_id()
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("crosswalk-catalogs-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "tsc.yaml"), "catalog:\n  id: soc2-tsc-2017\ncriteria:\n  - { id: X1, title: X }\n");
            var bag = new DiagnosticBag();

            // When
            var set = CatalogSet.Load(["soc2-tsc-2017", "tsc.yaml"], dir.FullName, bag);

            // Then
            var d = Assert.Single(bag.ToSortedList());
            Assert.Equal("tsc.yaml(2,7): error CW3006: catalog id 'soc2-tsc-2017' is the id of a built-in catalog; give this catalog an id of its own", d.ToString());
            Assert.True(set.Get("soc2-tsc-2017")!.IsBuiltIn);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("", "the catalog file is empty")]
    [InlineData("catalog:\n  id: x\n", "catalog 'x' has no 'criteria:' list")]
    [InlineData("catalog: [1]\n", "'catalog' must be a mapping with id and name")]
    [InlineData("catalog:\n  id: x\ncriteria:\n  - { id: 'a b', title: T }\n", "invalid criterion id 'a b'")]
    [InlineData("catalog:\n  id: x\ncriteria:\n  - { title: T }\n", "a criterion has no 'id'")]
    [InlineData("catalog:\n  id: x\n  withdrawn: { date: soon, successor: y }\ncriteria:\n  - { id: A, title: T }\n", "invalid withdrawal date 'soon'")]
    [InlineData("catalog:\n  id: x\ncriteria:\n  - { id: A1, title: T }\n  - { id: a1, title: U }\n", "duplicate criterion id 'a1' (same as 'A1' ignoring case)")]
    [InlineData("catalog:\n  id: x\naliases:\n  - { name: All, criteria: [B] }\ncriteria:\n  - { id: A1, title: T }\n", "alias 'All' refers to unknown criterion 'B'")]
    [InlineData("catalog:\n  id: x\ncriteria:\n  - { id: A1, title: T }\n---\ncatalog: {}\n", "one YAML document")]
    [InlineData("a: [1, 2\nb: 3\n", "invalid YAML")]
    [InlineData("a: &x [*x, *x]\n", "expected")]
    public void Never_throws_on_bad_catalog_text(string yaml, string expected)
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("crosswalk-catalogs-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "c.yaml"), yaml);
            var bag = new DiagnosticBag();

            // When
            CatalogSet.Load(["c.yaml"], dir.FullName, bag);

            // Then
            var diagnostics = bag.ToSortedList();
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidCatalog, d.Code));
            Assert.All(diagnostics, d => Assert.Equal("c.yaml", d.Location?.File));
            Assert.Contains(diagnostics, d => d.Message.Contains(expected, StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Refuses_deeply_nested_yaml_without_overflowing_the_stack()
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("crosswalk-catalogs-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "deep.yaml"), "catalog: " + new string('[', 100_000));
            var bag = new DiagnosticBag();

            // When
            CatalogSet.Load(["deep.yaml"], dir.FullName, bag);

            // Then
            var d = Assert.Single(bag.ToSortedList());
            Assert.Equal(DiagnosticCodes.InvalidCatalog, d.Code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
