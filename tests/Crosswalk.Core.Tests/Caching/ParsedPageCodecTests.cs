using System.Reflection;
using System.Text.Json;
using Crosswalk.Caching;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Caching;

public sealed class ParsedPageCodecTests
{
    private static readonly JsonSerializerOptions s_json = new() { IncludeFields = true, WriteIndented = true };

    private static readonly SourceFile s_source = new("/site/content/p.md", "p.md", "content/p.md", SourceKind.Page);

    // Every member set, none to its default, so a member the codec drops or mixes up shows in the comparison.
    private static PageMeta FullMeta()
    {
        var at = (int line) => new SourceLocation("content/p.md", line, 3);
        Approval[] list = [new("Dana", new DateOnly(2026, 3, 1), "CISO", "2.0"), new("Lee", null, null, null)];
        return new PageMeta
        {
            Title = "Access Control Policy",
            Name = "ACP",
            ShortTitle = "Access",
            Summary = "Who gets in",
            Permalink = "/policies/access/",
            PermalinkLocation = at(2),
            Slug = "access",
            DocId = "acp",
            NavOrder = 2.5,
            Layout = "policy",
            Owner = "Security",
            LastReviewed = new DateOnly(2026, 1, 2),
            NextReview = new DateOnly(2027, 1, 2),
            NextReviewAt = at(3),
            ReviewEvery = new ReviewInterval(6, IntervalUnit.Month),
            ReviewEveryAt = at(4),
            Version = "2.0",
            Change = ChangeKind.Minor,
            ApprovedBy = "Board",
            ApprovedOn = new DateOnly(2026, 2, 3),
            ApprovalList = list,
            Approvals = [new("Board", new DateOnly(2026, 2, 3), null, null), .. list],
            Keys = new Dictionary<string, SourceLocation> { ["title"] = at(1), ["owner"] = new("other.yml", 9, 1) },
            DocumentType = Crosswalk.Content.DocumentType.Procedure,
            Satisfies = [new SatisfiesEntry("soc2-tsc-2017", "CC6.1-CC6.3", at(5), at(6)), new SatisfiesEntry("iso", "A.5.1", at(7))],
            RedirectFrom = [("/old/", at(8))],
            HideFromNav = true,
        };
    }

    private static ParsedPage FullPage(byte[] body) => new()
    {
        Source = s_source,
        Meta = FullMeta(),
        Title = "Access Control Policy",
        Url = "/policies/access/",
        BodyUtf8 = body,
        HasH1 = true,
        TitleEnd = 42,
        Headings = [new Heading(1, "access", "Access"), new Heading(2, "scope-é", "Scope é")],
        Ids = new HashSet<string>(["zeta", "access", "alpha", "cw-row-9"], StringComparer.Ordinal),
        Links = [new LinkRef(0, "a.md#x", LinkKind.Link, new SourceLocation("content/p.md", 10, 4), "A"), new LinkRef(1, "/img.png", LinkKind.HtmlSrc, new SourceLocation("content/p.md", 11, 1), "")],
        Tables =
        [
            new TableData(["Control", "SOC2"],
                [new TableRowData([new TableCellData("[A](a.md)", new SourceLocation("content/p.md", 9, 3), [0]), new TableCellData("CC6.1", new SourceLocation("content/p.md", 9, 15), [])], new SourceLocation("content/p.md", 9, 1))],
                new SourceLocation("content/p.md", 7, 1)),
        ],
        TableClaims = [new ClaimRef("soc2-tsc-2017", "CC6.1", new SourceLocation("content/p.md", 9, 15), "cw-row-9", [0], null), new ClaimRef("soc2-tsc-2017", "CC7.2", new SourceLocation("content/p.md", 9, 22), null, [], "All TSC")],
    };

    private static (ParsedPage Page, IReadOnlyList<Diagnostic> Diagnostics, bool HasBody, byte[] Body) RoundTrip(ParsedPage page, IReadOnlyList<Diagnostic> diagnostics, bool keepBody)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ParsedPageCodec.Write(w, page, keepBody ? page.BodyUtf8 : [], keepBody, diagnostics, out var head);
            w.Flush();
            Assert.Equal(stream.Length - (keepBody ? page.BodyUtf8.Length : 0), head);
        }
        stream.Position = 0;
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8);
        var (read, readDiagnostics, hasBody) = ParsedPageCodec.Read(r, s_source);
        var body = r.ReadBytes((int)(stream.Length - stream.Position));
        return (read, readDiagnostics, hasBody, body);
    }

    [Fact]
    public void Every_member_of_a_page_and_its_front_matter_comes_back_as_written()
    {
        var body = "<h1 id=\"access\">Access</h1>\n<p>é</p>\n"u8.ToArray();
        var page = FullPage(body);
        Diagnostic[] diagnostics =
        [
            new("CW1002", Severity.Warning, "unknown key 'satisifes'", new SourceLocation("content/p.md", 4, 1), "did you mean 'satisfies'?"),
            new("CW3001", Severity.Error, "no such criterion", null),
            new("CW1005", Severity.Info, "elsewhere", new SourceLocation("snippets/x.md", 2, 2)),
        ];

        var (read, readDiagnostics, hasBody, readBody) = RoundTrip(page, diagnostics, keepBody: true);

        Assert.True(hasBody);
        Assert.Equal(body, readBody);
        Assert.Equal(JsonSerializer.Serialize(page with { BodyUtf8 = [] }, s_json), JsonSerializer.Serialize(read, s_json));
        Assert.Equal(diagnostics, readDiagnostics);
        Assert.Same(s_source, read.Source);
    }

    [Fact]
    public void A_page_whose_body_is_not_kept_is_written_without_one()
    {
        var page = FullPage("<p>x</p>"u8.ToArray());

        var (read, _, hasBody, readBody) = RoundTrip(page, [], keepBody: false);

        Assert.False(hasBody);
        Assert.Empty(readBody);
        Assert.Equal("Access Control Policy", read.Title);
    }

    [Fact]
    public void Absent_values_stay_absent()
    {
        var page = Pages.Parse("p.md", "Just text.\n");

        var (read, _, _, _) = RoundTrip(page, [], keepBody: true);

        Assert.Equal(JsonSerializer.Serialize(page with { BodyUtf8 = [] }, s_json).Replace("/site/content/p.md", ""),
            JsonSerializer.Serialize(read with { Source = page.Source }, s_json).Replace("/site/content/p.md", ""));
        Assert.Null(read.Meta.NavOrder);
        Assert.Null(read.Meta.Change);
        Assert.Null(read.Meta.DocumentType);
    }

    // The codec names each member: one added to the records and not to the codec would be lost by the cache.
    [Fact]
    public void The_sample_sets_every_member_the_records_have()
    {
        var meta = FullMeta();
        foreach (var property in typeof(PageMeta).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var value = property.GetValue(meta);
            var empty = value is null || value.Equals(property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null)
                || value is System.Collections.ICollection { Count: 0 } || value is false;
            Assert.False(empty, $"PageMeta.{property.Name} is not set in the sample: set it here and write it in ParsedPageCodec");
        }
        string[] coded = ["Source", "Meta", "Title", "Url", "BodyUtf8", "Spilled", "HasH1", "TitleEnd", "Headings", "Ids", "Links", "Tables", "TableClaims"];
        var settable = typeof(ParsedPage).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => p.Name);
        Assert.Equal(coded.Order(), settable.Order());
    }
}
