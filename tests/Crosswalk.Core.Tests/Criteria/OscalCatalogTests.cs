using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>OSCAL catalogs (JSON) named in <c>catalogs:</c>: the tree, ids and labels, withdrawn controls, malformed files.</summary>
public sealed class OscalCatalogTests
{
    private static readonly string SiteRoot = Path.Combine(AppContext.BaseDirectory, "TestData");
    public const string Nist = "oscal/nist-800-53-rev5-moderate.json";
    public const string NistId = "nist-800-53-rev5-moderate";

    internal static (CatalogSet Set, IReadOnlyList<Diagnostic> Diagnostics) Load(params string[] specs)
    {
        var bag = new DiagnosticBag();
        var set = CatalogSet.Load(specs, SiteRoot, bag);
        return (set, bag.ToSortedList());
    }

    [Fact]
    public void Nist_moderate_has_18_families_177_controls_and_110_enhancements()
    {
        // Given / When
        var (set, diagnostics) = Load(Nist);

        // Then
        Assert.Empty(diagnostics);
        var nist = set.Get(NistId)!;
        Assert.Equal("NIST Special Publication 800-53 Revision 5.1.1 MODERATE IMPACT BASELINE", nist.Name);
        Assert.Equal(Nist, nist.Source);
        Assert.Equal(18, nist.OfKind("group").Count);
        Assert.Equal(177, nist.OfKind("control").Count);
        Assert.Equal(110, nist.OfKind("enhancement").Count);
        Assert.Equal(18 + 177 + 110, nist.Criteria.Count);
        Assert.Equal(18, nist.Roots.Count);
        Assert.All(nist.OfKind("control"), c => Assert.Equal("group", c.Parent!.Kind));
        Assert.All(nist.OfKind("enhancement"), c => Assert.Equal("control", c.Parent!.Kind));
    }

    [Fact]
    public void A_control_is_named_by_its_label_and_found_by_its_oscal_id_and_other_labels()
    {
        // Given
        var nist = Load(Nist).Set.Get(NistId)!;

        // When
        var enhancement = nist.Find("AC-2(1)")!;

        // Then
        Assert.Equal("AC-2(1)", enhancement.Id);
        Assert.Equal("ac-2.1", enhancement.OscalId);
        Assert.Equal("Automated System Account Management", enhancement.Title);
        Assert.Equal(["ac-2.1", "AC-02(01)"], enhancement.AlternateIds);
        Assert.Same(enhancement, nist.Find("ac-2.1"));
        Assert.Same(enhancement, nist.FindIgnoreCase("ac-2(1)"));
        Assert.Same(enhancement, nist.FindIgnoreCase("AC-2.1"));
        Assert.Same(enhancement, nist.Find("AC-02(01)"));
        Assert.Equal("AC-2", enhancement.Parent!.Id);
        Assert.Equal("Account Management", enhancement.Parent.Title);
        // Families have no label: their OSCAL id is their id.
        Assert.Equal("ac", enhancement.Parent.Parent!.Id);
        Assert.Equal("Access Control", enhancement.Parent.Parent.Title);
        Assert.Equal(["AC-2(1)", "AC-2(2)", "AC-2(3)", "AC-2(4)", "AC-2(5)", "AC-2(13)"], enhancement.Parent.Children.Select(c => c.Id));
    }

    [Fact]
    public void Criterion_pages_use_the_oscal_id_in_their_urls()
    {
        var nist = Load(Nist).Set.Get(NistId)!;

        Assert.Equal($"/criteria/{NistId}/ac-2.1/", CriterionUrls.Of(nist["AC-2(1)"]));
        Assert.Equal($"/criteria/{NistId}/ac/", CriterionUrls.Of(nist["ac"]));
    }

    [Fact]
    public void Reads_nested_groups_enhancements_and_groups_without_an_id()
    {
        // Given / When
        var (set, diagnostics) = Load("oscal/small.json");

        // Then
        Assert.Empty(diagnostics);
        var small = set.Get("small")!;
        Assert.Equal("Small Test Catalog", small.Name);
        Assert.Equal(
            ["OPS group", "ops-bk group", "OPS-BK-1 control", "OPS-1 control", "OPS-1(1) enhancement", "OPS-1(3) enhancement", "ops-2 control", "x-1 control", "top-1 control"],
            small.Criteria.Select(c => $"{c.Id} {c.Kind}"));
        Assert.Equal("ops-bk", small["OPS-BK-1"].Parent!.Id);
        Assert.Equal("OPS", small["ops-bk"].Parent!.Id);
        // The group without an id or label cannot be named: its control is a root, like the catalog's own controls.
        Assert.Equal(["OPS", "x-1", "top-1"], small.Roots.Select(c => c.Id));
        // A label in another namespace is not OSCAL's label; the zero-padded one is an alternate.
        Assert.Equal("ops-2", small.Find("ops-2")!.Id);
        Assert.Null(small.Find("OPS-2"));
        Assert.Equal(["ops-1", "OPS-01"], small["OPS-1"].AlternateIds);
    }

    [Fact]
    public void A_withdrawn_control_is_left_out_and_a_reference_to_it_names_where_it_went()
    {
        // Given
        var (set, _) = Load("oscal/small.json");
        var small = set.Get("small")!;

        // When
        var byLabel = ReferenceParser.Parse("OPS-1(2)", small, set);
        var byId = ReferenceParser.Parse("OPS-1(1), ops-1.2", small, set);

        // Then
        Assert.Null(small.FindIgnoreCase("OPS-1(2)"));
        Assert.Null(small.FindIgnoreCase("ops-1.2"));
        var problem = Assert.Single(byLabel.Problems);
        Assert.Equal("CW3001", problem.Code);
        Assert.Equal("criterion 'OPS-1(2)' is withdrawn from catalog 'small'", problem.Message);
        Assert.Equal("it was incorporated into 'OPS-1(1)'; reference that instead", problem.Help);
        Assert.Equal((0, 8), (problem.Start, problem.Length));
        Assert.Equal(["OPS-1(1)"], byId.References.Select(r => r.Criterion.Id));
        Assert.Equal((10, 7), (byId.Problems.Single().Start, byId.Problems.Single().Length));
    }

    [Fact]
    public void The_catalog_id_is_the_file_name_lower_cased()
    {
        Assert.Equal("nist_sp-800-53_rev5_moderate-baseline-resolved-profile_catalog",
            CatalogSet.OscalCatalogId("oscal/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.json"));
        Assert.Equal("my-baseline--v2-", CatalogSet.OscalCatalogId("catalogs/My Baseline (v2).JSON"));
        Assert.True(CatalogSet.IsOscalPath("catalogs/x.JSON"));
        Assert.False(CatalogSet.IsOscalPath("catalogs/x.yaml"));
    }

    [Theory]
    [InlineData("not-json", "{\n  \"catalog\": {\n    \"metadata\": { \"title\": \"Broken\" },\n    \"groups\": [ { \"id\": \"g\", \"title\": \"G\", } ]\n  }\n}\n",
        "x.json(4,44): error CW3006: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
    [InlineData("not an object", "[1, 2]", "x.json(1,1): error CW3006: expected an OSCAL catalog: a JSON object with a 'catalog' property")]
    [InlineData("a profile", "{\n  \"profile\": { \"uuid\": \"p\" }\n}",
        "x.json(1,1): error CW3006: this is an OSCAL profile, not a catalog; resolve the profile into a catalog and name that file")]
    [InlineData("no catalog", "{ \"catalgo\": {} }", "x.json(1,1): error CW3006: not an OSCAL catalog: the top-level object has no 'catalog' property")]
    [InlineData("empty", " \n", "x.json(1,1): error CW3006: the catalog file is empty; expected an OSCAL catalog (a JSON object with a 'catalog' property)")]
    [InlineData("a control without id", "{ \"catalog\": {\n  \"metadata\": { \"title\": \"T\" },\n  \"controls\": [\n    { \"id\": \"c-1\", \"title\": \"One\" },\n    { \"title\": \"No id\" }\n  ]\n} }",
        "x.json(5,5): error CW3006: a control has no 'id'")]
    [InlineData("wrong types", "{ \"catalog\": {\n  \"metadata\": { \"title\": 7 },\n  \"controls\": [ { \"id\": \"c-1\", \"title\": \"One\", \"controls\": \"c-2\" } ]\n} }",
        "x.json(2,26): error CW3006: 'title' of 'metadata' must be a string|x.json(1,14): error CW3006: catalog 'x' has no 'metadata' with a 'title'|x.json(3,60): error CW3006: 'controls' of control 'c-1' must be an array")]
    [InlineData("duplicate ids", "{ \"catalog\": {\n  \"metadata\": { \"title\": \"T\" },\n  \"controls\": [ { \"id\": \"c-1\", \"title\": \"One\" },\n    { \"id\": \"C-1\", \"title\": \"Again\" } ]\n} }",
        "x.json(4,13): error CW3006: duplicate id 'C-1' in catalog 'x' (ids are compared ignoring case)")]
    [InlineData("no controls", "{ \"catalog\": { \"metadata\": { \"title\": \"T\" } } }", "x.json(1,14): error CW3006: catalog 'x' has no controls")]
    [InlineData("an unusable id", "{ \"catalog\": { \"metadata\": { \"title\": \"T\" },\n \"controls\": [ { \"id\": \"c 1\", \"title\": \"Spaced\" } ] } }",
        "x.json(2,24): error CW3006: control 'c 1' has neither an id nor a label that a reference can name: use letters, digits, '.' and '_', joined by '-' or followed by '(...)'|x.json(1,14): error CW3006: catalog 'x' has no controls")]
    public void A_malformed_file_is_cw3006_at_its_line_and_column(string what, string json, string expected)
    {
        // Given
        using var site = new TempSite(("x.json", json));
        var bag = new DiagnosticBag();

        // When
        var set = CatalogSet.Load(["x.json"], site.Root, bag);

        // Then
        Assert.True(expected.Split('|').Order().SequenceEqual(bag.ToSortedList().Select(d => d.ToString().Trim()).Order()),
            $"{what}: got\n{string.Join("\n", bag.ToSortedList())}");
        Assert.All(bag.ToSortedList(), d => Assert.Equal("CW3006", d.Code));
        _ = set;
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_cw3006()
    {
        using var site = new TempSite();
        File.WriteAllBytes(site.PathOf("x.json"), [(byte)'{', 0xFF, (byte)'}']);
        var bag = new DiagnosticBag();

        var set = CatalogSet.Load(["x.json"], site.Root, bag);

        Assert.Equal("x.json(1,1): error CW3006: the catalog file is not valid UTF-8 text", bag.ToSortedList().Single().ToString().Trim());
        Assert.Null(set.Get("x"));
    }

    [Fact]
    public void A_byte_order_mark_is_allowed_and_not_counted_in_columns()
    {
        using var site = new TempSite();
        File.WriteAllBytes(site.PathOf("x.json"), [0xEF, 0xBB, 0xBF, .. "{ \"catalog\": { \"metadata\": { \"title\": 1 } } }"u8]);
        var bag = new DiagnosticBag();

        CatalogSet.Load(["x.json"], site.Root, bag);

        Assert.Contains("x.json(1,39): error CW3006: 'title' of 'metadata' must be a string", bag.ToSortedList().Select(d => d.ToString().Trim()));
    }

    [Fact]
    public void An_oscal_catalog_whose_file_name_is_a_built_in_id_is_reported_at_its_catalogs_entry()
    {
        using var site = new TempSite(("soc2-tsc-2017.json", File.ReadAllText(Path.Combine(SiteRoot, "oscal/small.json"))));
        var bag = new DiagnosticBag();

        CatalogSet.Load(["soc2-tsc-2017", "soc2-tsc-2017.json"], site.Root, bag, [new SourceLocation("site.yml", 2, 12), new SourceLocation("site.yml", 2, 27)]);

        Assert.Equal("site.yml(2,27): error CW3006: catalog id 'soc2-tsc-2017' is the id of a built-in catalog; give this catalog an id of its own", bag.ToSortedList().Single().ToString().Trim());
    }
}
