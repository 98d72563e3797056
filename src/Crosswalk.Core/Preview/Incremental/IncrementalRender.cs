using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Preview.Incremental;

/// <summary>
/// The Render and Verify stages for a preview: a file whose inputs are as when it was last written (the same parse of
/// its page, the same fingerprint) is not written again; the memory store still holds it. When neither the structure
/// nor any claim changed, only the edited pages are looked at, only the anchors of pages whose links were
/// updated are checked again, and the generated files that every page feeds (search index, reviews page) are
/// brought up to date after the reload (<see cref="Settle"/>).
/// </summary>
internal sealed class IncrementalRender
{
    // What a file was last written from; a file that was not written has no entry.
    private sealed record Written(ParsedPage? Page, ulong Fingerprint, IReadOnlySet<string>? Ids);

    private readonly Dictionary<string, Written> _written = new(StringComparer.Ordinal);
    private Dictionary<ParsedPage, IReadOnlyList<Diagnostic>>? _anchors;
    // The last build's template ids, output paths and failed pages: while the site is unchanged, carried on and
    // updated where pages are written again (the records of the last build are the preview's own).
    private TemplateIdSets? _ids;
    private HashSet<string>? _paths;
    private IReadOnlySet<ParsedPage> _failed = new HashSet<ParsedPage>();
    private SiteSignatures? _lastSignatures;
    private bool _unchangedSite;
    // The generated files the last render left for Settle, with what to write them from and to.
    private (RenderModel Model, IOutputSink Sink, List<OutputFile> Files)? _deferred;

    /// <summary>
    /// Decides what this build renders: when neither the structure nor any claim changed, every page parsed as before
    /// renders as before, so only the edited pages and those whose render failed last time are looked at (returned);
    /// otherwise null (every page, each reused when its fingerprint is as before).
    /// </summary>
    public IReadOnlyCollection<ParsedPage>? Plan(SiteSignatures signatures, IReadOnlyList<Replacement>? replaced)
    {
        Dropped = null;
        _unchangedSite = replaced is not null && _lastSignatures == signatures && _ids is not null && _paths is not null;
        _lastSignatures = signatures;
        if (!_unchangedSite)
        {
            _ids = new TemplateIdSets();
            _paths = new HashSet<string>(StringComparer.Ordinal);
            return null;
        }
        var gone = replaced!.Select(r => r.Old).ToHashSet();
        var pages = replaced!.Select(r => r.New).ToHashSet();
        pages.UnionWith(_failed.Where(p => !gone.Contains(p)));
        return pages;
    }

    public RenderedSite Render(RenderModel model, IOutputSink sink, BuildContext context, IReadOnlySet<string>? changed)
    {
        var files = context.Artifacts.Files(model);
        foreach (var file in files)
        {
            _paths!.Add(file.Path);
        }
        // On an unchanged site, the generated files (the search index, the reviews page, the criteria pages, the sitemap)
        // are made from every page: even telling whether one changed reads the whole site, which an edit's reload should
        // not wait for. They are left for Settle, which the server runs once the reload is announced and before any of
        // them is served.
        // One that failed last time is tried now, so that this build reports it again.
        var now = files;
        if (_unchangedSite)
        {
            bool Defer(OutputFile f) => f.ReadsWholeSite && _written.ContainsKey(f.Path);
            now = [.. files.Where(f => !Defer(f))];
            _deferred = files.Count == now.Count ? null : (model, sink, [.. files.Where(Defer)]);
        }
        else
        {
            _deferred = null;
        }
        var outcome = Write(model, now, sink, context.Diagnostics, changed);
        if (!_unchangedSite)
        {
            foreach (var gone in _written.Keys.Where(p => !_paths!.Contains(p)).ToList())
            {
                _written.Remove(gone);
            }
        }
        _failed = outcome.Failed;
        Dropped = _unchangedSite ? outcome.NotWritten : null;
        return new RenderedSite(_ids!, _paths!, outcome.PagesWritten);
    }

    /// <summary>
    /// On an unchanged site, the paths the last <see cref="Render"/> took out of the site (files whose write failed):
    /// the only files of the last build that are no longer the site's, since every other path carries on. Null when
    /// the site's paths were listed anew, or before this build rendered.
    /// </summary>
    public IReadOnlySet<string>? Dropped { get; private set; }

    /// <summary>The paths of the files <see cref="Render"/> left for <see cref="Settle"/>; empty when none are.</summary>
    public IReadOnlySet<string> Deferred => _deferred is { } d ? d.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>
    /// Writes the files the last <see cref="Render"/> left (those whose fingerprint changed); returns what writing them
    /// reported. The caller holds the preview's build lock.
    /// </summary>
    public IReadOnlyList<Diagnostic> Settle()
    {
        if (_deferred is not var (model, sink, files))
        {
            return [];
        }
        _deferred = null;
        var bag = new DiagnosticBag();
        Write(model, files, sink, bag, changed: null);
        return bag.ToSortedList();
    }

    // Writes the files whose inputs changed since they were last written; the others stay as the store holds them.
    private RenderStage.Outcome Write(RenderModel model, IReadOnlyList<OutputFile> files, IOutputSink sink, DiagnosticBag report, IReadOnlySet<string>? changed)
    {
        var write = new List<OutputFile>();
        var fingerprints = new Dictionary<OutputFile, ulong>();
        foreach (var file in files)
        {
            // A fingerprint is taken before the file is written: an edit landing during the write is seen next time.
            var fingerprint = fingerprints[file] = file.Fingerprint(model);
            // The watcher's word counts for a copied file: an edit can keep its length and time.
            var reported = file.Source is { } source && changed?.Contains(source) == true;
            if (!reported && _written.TryGetValue(file.Path, out var last) && ReferenceEquals(last.Page, file.Page)
                && !(_unchangedSite && file.Page is not null) && fingerprint == last.Fingerprint)
            {
                Keep(_ids!, file.Page, last);
                continue;
            }
            write.Add(file);
        }
        RenderStage.Outcome outcome;
        using (var target = new RenderTarget(sink, report, _ids!))
        {
            outcome = RenderStage.Write(model, write, target);
        }
        foreach (var file in write)
        {
            // A file that was not written has no entry, so it is tried (and reported) again next time.
            if (outcome.NotWritten.Contains(file.Path))
            {
                _written.Remove(file.Path);
                continue;
            }
            _written[file.Path] = new Written(file.Page, fingerprints[file], file.Page is { } p ? _ids!.Get(p.Url) : null);
        }
        _paths!.ExceptWith(outcome.NotWritten);
        return outcome;
    }

    private static void Keep(TemplateIdSets ids, ParsedPage? page, Written last)
    {
        if (page is not null && last.Ids is not null)
        {
            ids.Keep(page.Url, last.Ids);
        }
    }

    public void Verify(IndexedSite site, LinkedSite links, RenderedSite rendered, IReadOnlyList<Replacement>? replaced, IReadOnlyList<ParsedPage>? relinked,
        DiagnosticBag report)
    {
        // On an unchanged site, a page whose link targets are those of the last build has the same findings.
        IEnumerable<ParsedPage> check = site.Pages;
        if (_unchangedSite && _anchors is not null && replaced is not null && relinked is not null)
        {
            foreach (var r in replaced)
            {
                _anchors.Remove(r.Old);
            }
            check = relinked;
        }
        else
        {
            _anchors = [];
        }
        foreach (var page in check)
        {
            var found = new List<Diagnostic>();
            VerifyStage.Check(page, links.Links[page].Targets, rendered.TemplateIds, found.Add);
            // Only findings are kept: an edit reports them without looking at every page of the site.
            if (found.Count > 0)
            {
                _anchors[page] = found;
            }
            else
            {
                _anchors.Remove(page);
            }
        }
        foreach (var (_, found) in _anchors)
        {
            report.AddRange(found);
        }
    }
}
