using Crosswalk.Criteria;
using Crosswalk.Oscal;

namespace Crosswalk.Tests.Oscal;

/// <summary>The pieces of the OSCAL export: control-ids, UUIDs, text and dates.</summary>
public sealed class OscalPartsTests
{
    private const string TokenPattern = @"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*\z";

    [Theory]
    [InlineData("CC6.1", "CC6.1")]
    [InlineData("A.9.1.1", "A.9.1.1")]
    [InlineData("AC-1", "AC-1")]
    [InlineData("9.1", "_9.1")]
    [InlineData("10", "_10")]
    [InlineData("Clause 9", "Clause_9")]
    [InlineData("-x", "_-x")]
    [InlineData("Ä.1", "Ä.1")]
    [InlineData("a:b/c", "a_b_c")]
    [InlineData("\U0001D400", "___")]
    public void An_id_becomes_a_token_only_where_it_is_not_one(string id, string token)
    {
        Assert.Equal(token, ControlIds.Token(id));
        Assert.Matches(TokenPattern, token);
        Assert.Equal(id == token, ControlIds.IsToken(id));
    }

    [Fact]
    public void Every_built_in_criterion_has_a_distinct_valid_control_id()
    {
        foreach (var catalog in CatalogSet.BuiltIn.All)
        {
            var ids = new ControlIds(catalog);
            var tokens = catalog.Criteria.Select(ids.Of).ToList();

            Assert.All(tokens, t => Assert.Matches(TokenPattern, t));
            Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Two_ids_with_one_token_keep_the_token_for_the_one_that_is_it_and_number_the_other()
    {
        var catalog = new Catalog("x", "X", "x.yaml", null);
        var nine = catalog.Add("9.1", "Nine", "clause", null);
        var underscore = catalog.Add("_9.1", "Underscore", "clause", null);
        var spaced = catalog.Add("9 1", "Spaced", "clause", null);
        var again = catalog.Add("9_1", "Again", "clause", null);

        var ids = new ControlIds(catalog);

        Assert.Equal("_9.1", ids.Of(underscore));
        Assert.Equal("_9.1-2", ids.Of(nine));
        Assert.Equal("_9_1", ids.Of(spaced));
        Assert.Equal("_9_1-2", ids.Of(again));
    }

    [Fact]
    public void Name_based_uuids_are_RFC_version_5()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedUuid.V5(dns, "python.org"));
        Assert.Equal(5, NameBasedUuid.V5(NameBasedUuid.Crosswalk, "x").Version);
        Assert.NotEqual(NameBasedUuid.V5(NameBasedUuid.Crosswalk, "x"), NameBasedUuid.V5(NameBasedUuid.Crosswalk, "y"));
    }

    [Theory]
    [InlineData("  Access\r\n  Policy\t", "Access Policy")]
    [InlineData("\uFEFFTitle\u2028Two\u0085", "Title Two")]
    [InlineData("\U0001F512 Locked", "\U0001F512 Locked")]
    [InlineData(" \n ", "fallback")]
    public void Line_makes_one_line_without_edge_spaces(string text, string line) => Assert.Equal(line, OscalText.Line(text, "fallback"));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        // Built here: a test case's data would not carry a lone surrogate intact.
        var text = "a" + (char)0xD800 + "b" + (char)0xDC00;

        Assert.Equal("a\uFFFDb\uFFFD", OscalText.Line(text, "?"));
    }

    [Theory]
    [InlineData("Access Control Policy", "Access Control Policy")]
    [InlineData("[x](y) *b* _i_ <b> & `c` ! | ~ \\", @"\[x\](y) \*b\* \_i\_ \<b\> \& \`c\` \! \| \~ \\")]
    [InlineData("# Title", @"\# Title")]
    [InlineData("- item", @"\- item")]
    [InlineData("2026. A year", @"2026\. A year")]
    [InlineData("ISO/IEC 27001:2013 (A.5)", "ISO/IEC 27001:2013 (A.5)")]
    public void Markdown_escapes_what_could_be_read_as_markup(string text, string markdown) => Assert.Equal(markdown, OscalText.Markdown(text, "?"));

    [Theory]
    [InlineData("https://docs.example.com", "https://docs.example.com")]
    [InlineData("https://docs.example.com/a b#c?d", "https://docs.example.com/a%20b%23c%3Fd")]
    [InlineData("https://x.example/%41%zz", "https://x.example/%41%25zz")]
    [InlineData("https://ü.example", "https://%C3%BC.example")]
    public void An_origin_is_encoded_to_a_valid_uri_start(string origin, string encoded) => Assert.Equal(encoded, OscalText.Origin(origin));

    [Theory]
    [InlineData("2027-01-31", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-31T10:20:30Z", "2027-01-31T10:20:30Z")]
    [InlineData("2027-01-31T10:20:30.5Z", "2027-01-31T10:20:30Z")]
    [InlineData("2027-01-31T01:20:30+02:00", "2027-01-30T23:20:30Z")]
    [InlineData("2027-01-31T10:20:30", null)]
    [InlineData("31/01/2027", null)]
    [InlineData("1899-12-31", null)]
    [InlineData("3000-01-01", null)]
    [InlineData("2027-02-30", null)]
    public void Dates_are_read_with_their_zone_and_written_in_UTC(string text, string? written) =>
        Assert.Equal(written, OscalExport.ParseDate(text) is { } d ? OscalExport.FormatDate(d) : null);
}
