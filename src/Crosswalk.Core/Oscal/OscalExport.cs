using System.Globalization;
using Crosswalk.Content;
using Crosswalk.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Oscal;

/// <summary>
/// The OSCAL export (<c>crosswalk export oscal</c>): an OSCAL 1.2.1 component definition of the site's documents and
/// their claims, and a mapping collection of its crosswalks when it loads any. The same analysis and date always give
/// the same bytes: every UUID is a UUID v5 of what it names (<see cref="NameBasedUuid"/>).
/// </summary>
public static class OscalExport
{
    /// <summary>The OSCAL version written.</summary>
    public const string OscalVersion = "1.2.1";

    /// <summary>The component definition's file name.</summary>
    public const string ComponentDefinitionFile = "component-definition.json";

    /// <summary>The mapping collection's file name.</summary>
    public const string MappingCollectionFile = "mapping-collection.json";

    /// <summary>The namespace of Crosswalk's own properties (<c>ns</c>): the URN of <see cref="NameBasedUuid.Crosswalk"/>.</summary>
    public static string Namespace { get; } = "urn:uuid:" + NameBasedUuid.Crosswalk.ToString("D");

    /// <summary>
    /// The files for <paramref name="analysis"/> (a usable site's). <c>metadata.last-modified</c> is
    /// <paramref name="lastModified"/>, else <see cref="DefaultLastModified"/> of the documents exported.
    /// </summary>
    public static IReadOnlyList<ExportedFile> Create(SiteAnalysis analysis, DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Config is not { } config || analysis.Catalogs is not { } catalogs)
        {
            throw new ArgumentException("the analysis of an unusable site has nothing to export", nameof(analysis));
        }
        var documents = DocumentClaims.Of(analysis.Pages, analysis.Claims, catalogs);
        var date = FormatDate(lastModified ?? DefaultLastModified(documents.Select(d => d.Page)));
        var links = new SiteLinks(config);
        var ids = new ControlIdCache();
        var components = new ComponentDefinitionWriter(config.Title, links, ids, documents, date);
        var files = new List<ExportedFile> { new(ComponentDefinitionFile, OscalJson.Document("component-definition", components.Write)) };
        var mappings = MappingCollectionWriter.Exportable(catalogs.Mappings);
        if (mappings.Count > 0)
        {
            var collection = new MappingCollectionWriter(config.Title, links, ids, mappings, date);
            files.Add(new(MappingCollectionFile, OscalJson.Document("mapping-collection", collection.Write)));
        }
        return files;
    }

    /// <summary>
    /// The default <c>last-modified</c>: midnight UTC of the newest approval or review date (<c>approved_on</c>,
    /// <c>approvals</c>, <c>last_reviewed</c>) of <paramref name="pages"/>, the last day the documents say they changed;
    /// 1970-01-01 when none states one. Taken from the content, not the clock, so an export can be repeated byte for byte.
    /// </summary>
    public static DateTimeOffset DefaultLastModified(IEnumerable<ParsedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var newest = pages.SelectMany(p => p.Meta.Approvals.Select(a => a.On).Append(p.Meta.LastReviewed))
            .OfType<DateOnly>().Where(InRange).DefaultIfEmpty(new DateOnly(1970, 1, 1)).Max();
        return new DateTimeOffset(newest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>
    /// Reads a <c>--date</c>: <c>YYYY-MM-DD</c> (midnight UTC) or a date and time with its zone,
    /// <c>YYYY-MM-DDTHH:MM:SSZ</c> or <c>…+02:00</c> (<c>git log -1 --format=%cI</c> prints one). Null when it is neither,
    /// or outside the years 1900-2999 that OSCAL's date-time type accepts.
    /// </summary>
    public static DateTimeOffset? ParseDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];
        return DateTimeOffset.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            && InRange(DateOnly.FromDateTime(value.UtcDateTime)) ? value.ToUniversalTime() : null;
    }

    /// <summary>A date-time as written in <c>last-modified</c>: UTC, to the second, <c>2026-11-20T00:00:00Z</c>.</summary>
    public static string FormatDate(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool InRange(DateOnly day) => day.Year is >= 1900 and <= 2999;
}
