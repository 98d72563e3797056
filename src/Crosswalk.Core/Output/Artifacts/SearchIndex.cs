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
        // Link placeholders sit only in attributes, which are not text: the body needs no links filled in. Read and
        // decoded into pooled buffers: the body as an array or a string would be made only to be read once.
        var length = page.BodyLength;
        var body = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(length));
        List<SearchSection> sections;
        try
        {
            page.CopyBodyTo(body);
            sections = SearchText.Sections(chars.AsSpan(0, Encoding.UTF8.GetChars(body.AsSpan(0, length), chars)), headings);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
            System.Buffers.ArrayPool<byte>.Shared.Return(body);
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

    /// <summary>How many entries are made at once (in parallel) before they are joined into the index.</summary>
    internal const int Batch = 512;

    /// <summary>
    /// Every entry's JSON in URL order, made a batch at a time as the index is joined: a build that made them all
    /// first held them (packed) through the join, 28 MB of JSON at 10,000 pages. The preview (<paramref name="keep"/>)
    /// keeps each page's entry while the page lives, so an edit makes only the edited page's again.
    /// </summary>
    private static IEnumerable<byte[]> Entries(IReadOnlyList<object> sources, bool keep)
    {
        for (var start = 0; start < sources.Count; start += Batch)
        {
            var count = Math.Min(Batch, sources.Count - start);
            var batch = new byte[count][];
            Parallel.For(0, count, i => batch[i] = Json(sources[start + i], keep));
            foreach (var json in batch)
            {
                yield return json;
            }
        }
    }

    /// <summary>What each entry is made from (a page, a criterion, or an entry as it stands), in URL order.</summary>
    private static List<object> Sources(RenderModel model)
    {
        var sources = new List<(string Url, object Of)>(model.Site.Pages.Count + 64);
        sources.AddRange(model.Site.Pages.Select(p => (p.Url, (object)p)));
        var catalogs = model.Claims.Catalogs;
        if (catalogs.All.Count > 0)
        {
            sources.Add((CriterionUrls.Root, new SearchEntry(CriterionUrls.Root, "Criteria", [])));
            foreach (var catalog in catalogs.All)
            {
                var url = CriterionUrls.Catalog(catalog);
                sources.Add((url, new SearchEntry(url, catalog.Name, [])));
                sources.AddRange(catalog.Criteria.Select(c => (CriterionUrls.Of(c), (object)c)));
            }
        }
        // A stable sort: the order is the same from build to build even should two entries share a URL.
        return [.. sources.OrderBy(e => e.Url, StringComparer.Ordinal).Select(e => e.Of)];
    }

    private static byte[] Json(object source, bool keep) => source switch
    {
        ParsedPage page when keep => PageEntries.GetValue(page, static p => SearchIndexBuilder.Entry(EntryOf(p))),
        ParsedPage page => SearchIndexBuilder.Entry(EntryOf(page)),
        // Kept as made: the preview shares them across builds.
        Criterion criterion => CriterionEntries.GetValue(criterion, static c => SearchIndexBuilder.Entry(EntryOf(c))),
        SearchEntry entry => SearchIndexBuilder.Entry(entry),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    private sealed class IndexFile : OutputFile
    {
        public override string Path => SearchIndex.Path;

        // A page parsed again is a new object: the identities of the pages (and their sizes) tell an edit.
        public override ulong Fingerprint(RenderModel model)
        {
            var f = new Fnv().Add(model.Signatures.Structure);
            foreach (var page in model.Site.Pages)
            {
                f.Add(RuntimeHelpers.GetHashCode(page)).Add(page.BodyLength);
            }
            return f.Value;
        }

        public override bool Write(RenderModel model, RenderTarget target)
        {
            var buffer = target.Buffer();
            // Nothing in the index can change a verdict: check writes it empty.
            if (!model.DiscardsOutput)
            {
                var sources = Sources(model);
                SearchIndexBuilder.Write(Entries(sources, keep: model.LiveReload), sources.Count, buffer);
            }
            target.Sink.Write(Path, buffer.WrittenSpan);
            return true;
        }
    }
}
