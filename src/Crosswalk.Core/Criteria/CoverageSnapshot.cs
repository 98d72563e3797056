using System.Text;
using System.Text.Json;

namespace Crosswalk.Criteria;

/// <summary>A page's claim on a criterion as a coverage report records it: the page and whether it names the criterion itself.</summary>
/// <param name="Title">The page's title.</param>
/// <param name="Url">Its URL (without base_url).</param>
/// <param name="Source">Its source file as reported.</param>
/// <param name="Direct">True when it claims the criterion itself, not only a group that holds it or an alias.</param>
public sealed record CoveringPage(string Title, string Url, string Source, bool Direct);

/// <summary>One criterion of a coverage report.</summary>
/// <param name="Catalog">Its catalog's id.</param>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Group">Its parent's id, if any.</param>
/// <param name="Leaf">True for a criterion (not a group).</param>
/// <param name="Pages">The pages covering it, in title order.</param>
public sealed record CriterionEntry(string Catalog, string Id, string Title, string? Group, bool Leaf, IReadOnlyList<CoveringPage> Pages)
{
    /// <summary>Direct when a page claims it itself, inherited when only through a group or alias, else a gap.</summary>
    public Coverage Coverage => Pages.Any(p => p.Direct) ? Coverage.Direct : Pages.Count > 0 ? Coverage.Inherited : Coverage.Gap;
}

/// <summary>A catalog's part of a coverage report.</summary>
public sealed record CatalogEntry(string Id, string Name, IReadOnlyList<CriterionEntry> Criteria)
{
    /// <summary>The criteria (not groups): how many, claimed directly, only inherited, gaps.</summary>
    public (int Criteria, int Direct, int Inherited, int Gaps) Totals
    {
        get
        {
            var leaves = Criteria.Where(c => c.Leaf).Select(c => c.Coverage).ToList();
            return (leaves.Count, leaves.Count(c => c == Coverage.Direct), leaves.Count(c => c == Coverage.Inherited), leaves.Count(c => c == Coverage.Gap));
        }
    }
}

/// <summary>
/// What <c>crosswalk coverage</c> reports, as data: per catalog, per criterion, the pages that cover it and how. Its
/// JSON form is the report's <c>--format json</c>, and what <c>--baseline</c> reads back to compare with.
/// </summary>
/// <param name="Catalogs">The catalogs reported.</param>
/// <param name="DirectOnly">Made with <c>--direct-only</c>: only direct claims counted.</param>
/// <param name="KnowsDirect">
/// Each page says whether it claims directly. False for a report of a Crosswalk before version 2 of the format, which
/// listed every covering page alike: such a baseline can say what was covered, not how.
/// </param>
public sealed record CoverageSnapshot(IReadOnlyList<CatalogEntry> Catalogs, bool DirectOnly = false, bool KnowsDirect = true)
{
    /// <summary>
    /// The coverage of <paramref name="catalogs"/> by <paramref name="claims"/>. With <paramref name="directOnly"/>, only
    /// claims of a criterion itself count: one only inherited is a gap.
    /// </summary>
    public static CoverageSnapshot Of(IEnumerable<Catalog> catalogs, ClaimSet claims, bool directOnly = false) =>
        new(Catalogs: [.. catalogs.Select(catalog => new CatalogEntry(catalog.Id, catalog.Name, [.. catalog.Criteria.Select(criterion =>
        {
            var direct = claims.PagesClaimingDirectly(criterion).ToHashSet();
            var pages = claims.PagesCovering(criterion).Where(p => !directOnly || direct.Contains(p))
                .Select(p => new CoveringPage(p.Title, p.Url, p.Source.DisplayPath, direct.Contains(p))).ToList();
            return new CriterionEntry(catalog.Id, criterion.Id, criterion.Title, criterion.Parent?.Id, criterion.IsLeaf, pages);
        })]))], DirectOnly: directOnly);

    /// <summary>The report as indented JSON (UTF-8 text, ending with a line break).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 2);
            w.WriteBoolean("direct_only", DirectOnly);
            w.WriteStartArray("catalogs");
            foreach (var catalog in Catalogs)
            {
                w.WriteStartObject();
                w.WriteString("id", catalog.Id);
                w.WriteString("name", catalog.Name);
                w.WriteStartArray("criteria");
                foreach (var criterion in catalog.Criteria)
                {
                    w.WriteStartObject();
                    w.WriteString("criterion", criterion.Id);
                    w.WriteString("title", criterion.Title);
                    w.WriteString("group", criterion.Group);
                    w.WriteBoolean("leaf", criterion.Leaf);
                    w.WriteString("coverage", criterion.Coverage.ToString().ToLowerInvariant());
                    w.WriteStartArray("pages");
                    foreach (var page in criterion.Pages)
                    {
                        w.WriteStartObject();
                        w.WriteString("title", page.Title);
                        w.WriteString("url", page.Url);
                        w.WriteString("source", page.Source);
                        w.WriteBoolean("direct", page.Direct);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                var (count, direct, inherited, gaps) = catalog.Totals;
                w.WriteStartObject("totals");
                w.WriteNumber("criteria", count);
                w.WriteNumber("covered", direct + inherited);
                w.WriteNumber("direct", direct);
                w.WriteNumber("inherited", inherited);
                w.WriteNumber("gaps", gaps);
                w.WriteEndObject();
                w.WriteStartArray("gaps");
                foreach (var gap in catalog.Criteria.Where(c => c.Leaf && c.Coverage == Coverage.Gap))
                {
                    w.WriteStringValue(gap.Id);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Reads a report written by <see cref="ToJson"/> (or by an older Crosswalk, whose pages carry no <c>direct</c>: they
    /// count as direct). Throws <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static CoverageSnapshot FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var catalogs = new List<CatalogEntry>();
            foreach (var catalog in Array(doc.RootElement, "catalogs"))
            {
                var id = Text(catalog, "id");
                var criteria = Array(catalog, "criteria").Select(c => new CriterionEntry(id, Text(c, "criterion"), Text(c, "title"),
                    c.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
                    !c.TryGetProperty("leaf", out var leaf) || leaf.ValueKind != JsonValueKind.False,
                    [.. Array(c, "pages").Select(p => new CoveringPage(Text(p, "title"), Text(p, "url"), Text(p, "source"),
                        !p.TryGetProperty("direct", out var d) || d.ValueKind != JsonValueKind.False))])).ToList();
                catalogs.Add(new CatalogEntry(id, catalog.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : id, criteria));
            }
            var versioned = doc.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number;
            var directOnly = doc.RootElement.TryGetProperty("direct_only", out var mode) && mode.ValueKind == JsonValueKind.True;
            return new CoverageSnapshot(catalogs, directOnly, KnowsDirect: versioned);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not a coverage report: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException($"not a coverage report: {ex.Message}", ex);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"not a coverage report: '{name}' is missing or not a list (write it with 'crosswalk coverage --format json')");

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"not a coverage report: '{name}' is missing or not text");
}
