using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Preview.Incremental;

/// <summary>A page parsed again since the last build, at its place among the site's pages, with the parse it replaces.</summary>
internal readonly record struct Replacement(int Place, ParsedPage Old, ParsedPage New);

/// <summary>
/// The Index stage for a preview: while the site's structure is as before (an edit to bodies), the last index, sidebar
/// and redirects serve again with the new parses swapped in, and every later stage is told which pages those are.
/// </summary>
internal sealed class IncrementalIndex
{
    // Places: where each of the site's pages stands in Site.Pages (an edit finds its page there without a lookup per page).
    private sealed record LastRun(ulong Structure, IReadOnlyList<ParsedPage> Parsed, IndexedSite Site, IReadOnlyList<Diagnostic> Diagnostics, Dictionary<ParsedPage, int> Places);

    private readonly PageHashes _hashes = new();
    private LastRun? _last;

    /// <summary>The site's structure as of this build (see <see cref="SiteSignatures.Structure"/>).</summary>
    public ulong Structure { get; private set; }

    /// <summary>The pages parsed again, when the structure is as before; null when the index was made afresh.</summary>
    public List<Replacement>? Replaced { get; private set; }

    public IndexedSite Run(BuildContext context, ParsedSite parsed, SourceSet files, SiteInputs inputs, DiagnosticBag report)
    {
        Structure = Signature(parsed.Pages, files.Statics);
        if (_last is { } last && last.Structure == Structure)
        {
            return Reuse(last, parsed.Pages, report);
        }
        Replaced = null;
        var site = IncrementalStages.Reporting(report, bag => IndexStage.Run(parsed, files, inputs, context, bag), out var diagnostics);
        var places = new Dictionary<ParsedPage, int>(site.Pages.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < site.Pages.Count; i++)
        {
            places[site.Pages[i]] = i;
        }
        _last = new LastRun(Structure, parsed.Pages, site, diagnostics, places);
        return site;
    }

    // The same structure: the same files in the same order, some parsed again.
    private IndexedSite Reuse(LastRun last, IReadOnlyList<ParsedPage> parsed, DiagnosticBag report)
    {
        var before = last.Site.Pages;
        ParsedPage[]? swapped = null;
        var replaced = new List<Replacement>();
        for (var i = 0; i < parsed.Count; i++)
        {
            if (!ReferenceEquals(last.Parsed[i], parsed[i]) && last.Places.TryGetValue(last.Parsed[i], out var place))
            {
                swapped ??= [.. before];
                swapped[place] = parsed[i];
                replaced.Add(new Replacement(place, before[place], parsed[i]));
            }
        }
        replaced.Sort((a, b) => a.Place.CompareTo(b.Place));
        IReadOnlyList<ParsedPage> pages = swapped ?? before;
        var site = last.Site with { Pages = pages, Index = last.Site.Index.WithPages(pages) };
        // The places move to the new parses only now, with the rest of this run's record.
        foreach (var (place, old, now) in replaced)
        {
            last.Places.Remove(old);
            last.Places[now] = place;
        }
        Replaced = replaced;
        report.AddRange(last.Diagnostics);
        // The sidebar finds pages by source file: it serves as it is.
        _last = last with { Parsed = parsed, Site = site };
        return site;
    }

    /// <summary>
    /// Everything the Index stage reads: each page's path, URL, titles, sidebar place, permalink and redirects, whether it
    /// is a controlled document (the reviews page and its sidebar link exist for those), and the static files.
    /// </summary>
    private ulong Signature(IReadOnlyList<ParsedPage> pages, IReadOnlyList<SourceFile> statics)
    {
        var f = new Fnv();
        _hashes.AddTo(f, pages, static (p, h) =>
        {
            h.Add(p.Source.FullPath).Add(p.Url).Add(p.Title).Add(p.NavTitle).Add(p.Meta.ShortTitle ?? "\0").Add(BitConverter.DoubleToUInt64Bits(p.Meta.NavOrder ?? double.MinValue))
             .Add(p.Meta.HideFromNav ? 1 : 0).Add(p.Meta.IsControlled ? 1 : 0).Add(p.Meta.PermalinkLocation is { } permalink ? permalink.Line * 65536 + permalink.Column : -1);
            foreach (var (url, at) in p.Meta.RedirectFrom)
            {
                h.Add(url).Add(at.Line).Add(at.Column);
            }
        });
        foreach (var file in statics)
        {
            f.Add(file.RelativePath);
        }
        return f.Value;
    }
}

/// <summary>
/// A hash of each page for a site signature, worked out once per parse of the page and kept while the page stands at
/// the same place in the site: an edit hashes the edited page, and the others cost a comparison of references (a
/// dictionary of every page's hash cost a lookup per page, a fifth of a 10,000-page edit's rebuild).
/// </summary>
internal sealed class PageHashes
{
    private ParsedPage[] _pages = [];
    private ulong[] _values = [];

    /// <summary>Adds the hash of each of <paramref name="pages"/>, in order, to <paramref name="signature"/>.</summary>
    public void AddTo(Fnv signature, IReadOnlyList<ParsedPage> pages, Action<ParsedPage, Fnv> hash)
    {
        if (pages.Count != _pages.Length)
        {
            _pages = new ParsedPage[pages.Count];
            _values = new ulong[pages.Count];
        }
        for (var i = 0; i < _pages.Length; i++)
        {
            var page = pages[i];
            if (!ReferenceEquals(_pages[i], page))
            {
                var f = new Fnv();
                hash(page, f);
                _values[i] = f.Value;
                _pages[i] = page;
            }
            signature.Add(_values[i]);
        }
    }

    public void Clear()
    {
        _pages = [];
        _values = [];
    }
}
