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
    private sealed record LastRun(ulong Structure, IReadOnlyList<ParsedPage> Parsed, IndexedSite Site, IReadOnlyList<Diagnostic> Diagnostics);

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
        _last = new LastRun(Structure, parsed.Pages, site, diagnostics);
        return site;
    }

    // The same structure: the same files in the same order, some parsed again.
    private IndexedSite Reuse(LastRun last, IReadOnlyList<ParsedPage> parsed, DiagnosticBag report)
    {
        var replaced = new Dictionary<ParsedPage, ParsedPage>();
        for (var i = 0; i < parsed.Count; i++)
        {
            if (!ReferenceEquals(last.Parsed[i], parsed[i]))
            {
                replaced[last.Parsed[i]] = parsed[i];
            }
        }
        var before = last.Site.Pages;
        IReadOnlyList<ParsedPage> pages = replaced.Count == 0 ? before : [.. before.Select(p => replaced.GetValueOrDefault(p, p))];
        Replaced = [];
        for (var i = 0; replaced.Count > 0 && i < pages.Count; i++)
        {
            if (!ReferenceEquals(pages[i], before[i]))
            {
                Replaced.Add(new Replacement(i, before[i], pages[i]));
            }
        }
        report.AddRange(last.Diagnostics);
        // The sidebar finds pages by source file: it serves as it is.
        var site = last.Site with { Pages = pages, Index = last.Site.Index.WithPages(pages) };
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
        foreach (var p in pages)
        {
            f.Add(_hashes.Of(pages, p, static (p, h) =>
            {
                h.Add(p.Source.FullPath).Add(p.Url).Add(p.Title).Add(p.NavTitle).Add(p.Meta.ShortTitle ?? "\0").Add(BitConverter.DoubleToUInt64Bits(p.Meta.NavOrder ?? double.MinValue))
                 .Add(p.Meta.HideFromNav ? 1 : 0).Add(p.Meta.IsControlled ? 1 : 0).Add(p.Meta.PermalinkLocation is { } permalink ? permalink.Line * 65536 + permalink.Column : -1);
                foreach (var (url, at) in p.Meta.RedirectFrom)
                {
                    h.Add(url).Add(at.Line).Add(at.Column);
                }
            }));
        }
        foreach (var file in statics)
        {
            f.Add(file.RelativePath);
        }
        return f.Value;
    }
}

/// <summary>
/// A hash of each page for a site signature, worked out once per parse of the page and kept while the page is in the
/// site: an edit hashes the edited page, not every page. Earlier parses of edited pages are dropped now and then.
/// </summary>
internal sealed class PageHashes
{
    private readonly Dictionary<ParsedPage, ulong> _hashes = [];

    public ulong Of(IReadOnlyList<ParsedPage> pages, ParsedPage page, Action<ParsedPage, Fnv> hash)
    {
        if (_hashes.TryGetValue(page, out var value))
        {
            return value;
        }
        if (_hashes.Count > pages.Count + 256)
        {
            var live = pages.ToHashSet();
            foreach (var gone in _hashes.Keys.Where(p => !live.Contains(p)).ToList())
            {
                _hashes.Remove(gone);
            }
        }
        var f = new Fnv();
        hash(page, f);
        return _hashes[page] = f.Value;
    }

    public void Clear() => _hashes.Clear();
}
