using System.Runtime.CompilerServices;
using System.Text;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Pipeline;
using Crosswalk.Search;

namespace Crosswalk.Output;

/// <summary>
/// The search index (<see cref="Path"/>): every content page's title, headings and text, and every criteria page's
/// id and title, for the theme's search box (assets/search.js).
/// </summary>
internal sealed class SearchIndex : IArtifact
{
    /// <summary>Where the index is written.</summary>
    public const string Path = "assets/search-index.js";

    // Each page's entry is made once per parse of the page (a preview's unchanged pages keep theirs); weak keys let
    // go of a page once no build holds it.
    private static readonly ConditionalWeakTable<ParsedPage, byte[]> PageEntries = new();
    private static readonly ConditionalWeakTable<Criterion, byte[]> CriterionEntries = new();

    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => [(Path, "the search index")];

    public IEnumerable<OutputFile> Files(RenderModel model) => [new IndexFile()];

    /// <summary>A content page's entry.</summary>
    public static SearchEntry EntryOf(ParsedPage page)
    {
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in page.Headings)
        {
            headings.TryAdd(h.Id, h.Text);
        }
        // Link placeholders sit only in attributes, which are not text: the body needs no links filled in. Decoded into a
        // pooled buffer: the body as a string would be made only to be read once.
        var body = page.BodyUtf8;
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(body.Length));
        List<SearchSection> sections;
        try
        {
            sections = SearchText.Sections(chars.AsSpan(0, Encoding.UTF8.GetChars(body, chars)), headings);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
        if (page.TitleEnd > 0 && sections.Count > 0)
        {
            // The leading h1 is the title, shown already.
            sections[0] = sections[0] with { Id = "", Heading = "" };
            if (sections[0].Text.Length == 0)
            {
                sections.RemoveAt(0);
            }
        }
        return new SearchEntry(page.Url, page.Title, sections);
    }

    /// <summary>A criterion page's entry: its id and title, its catalog and its group.</summary>
    public static SearchEntry EntryOf(Criterion criterion)
    {
        var text = $"{criterion.Catalog.Name} {criterion.Kind}" + (criterion.Parent is { } p ? $", in {p.Id} {p.Title}" : "");
        return new SearchEntry(CriterionUrls.Of(criterion), $"{criterion.Id} {criterion.Title}", [new SearchSection("", "", text)]);
    }

    /// <summary>Every entry's JSON, in URL order: packed (see <see cref="SearchIndexBuilder.Write"/>) unless <paramref name="model"/> is a preview's.</summary>
    public static List<byte[]> Entries(RenderModel model)
    {
        // The preview keeps each page's entry while the page lives, so an edit makes only the edited page's again. A build
        // makes each once and holds them all until the index is joined: packed (BodyPacking) to a fraction of their
        // 27 MB at 10,000 pages (the index itself is as large again when it is written).
        var packed = !model.LiveReload;
        var compact = packed && BodyPacking.CompactFor(model.Site.Pages.Count);
        var entries = model.Site.Pages.AsParallel().AsOrdered()
            .Select(p => (p.Url, Json: packed ? SearchIndexBuilder.Entry(EntryOf(p), packed: true, compact) : PageEntries.GetValue(p, static p => SearchIndexBuilder.Entry(EntryOf(p)))))
            .ToList();
        var catalogs = model.Claims.Catalogs;
        if (catalogs.All.Count > 0)
        {
            entries.Add((CriterionUrls.Root, SearchIndexBuilder.Entry(new SearchEntry(CriterionUrls.Root, "Criteria", []), packed, compact)));
            foreach (var catalog in catalogs.All)
            {
                var url = CriterionUrls.Catalog(catalog);
                entries.Add((url, SearchIndexBuilder.Entry(new SearchEntry(url, catalog.Name, []), packed, compact)));
                // Kept as made (the preview shares them across builds), packed here for a build like every other entry.
                entries.AddRange(catalog.Criteria.Select(c => (CriterionUrls.Of(c), Packed(CriterionEntries.GetValue(c, static c => SearchIndexBuilder.Entry(EntryOf(c)))))));
            }
        }
        // A stable sort: the order is the same from build to build even should two entries share a URL.
        return [.. entries.OrderBy(e => e.Url, StringComparer.Ordinal).Select(e => e.Json)];

        byte[] Packed(byte[] json) => packed ? BodyPacking.Pack(json, compact) : json;
    }

    private sealed class IndexFile : OutputFile
    {
        public override string Path => SearchIndex.Path;

        // A page parsed again is a new object: the identities of the pages (and their sizes) tell an edit.
        public override ulong Fingerprint(RenderModel model)
        {
            var f = new Fnv().Add(model.Signatures.Structure);
            foreach (var page in model.Site.Pages)
            {
                f.Add(RuntimeHelpers.GetHashCode(page)).Add(page.BodyUtf8.Length);
            }
            return f.Value;
        }

        public override bool Write(RenderModel model, RenderTarget target)
        {
            var buffer = target.Buffer();
            // Nothing in the index can change a verdict: check writes it empty.
            if (!model.DiscardsOutput)
            {
                SearchIndexBuilder.Write(Entries(model), buffer, packed: !model.LiveReload);
            }
            target.Sink.Write(Path, buffer.WrittenSpan);
            return true;
        }
    }
}
