using System.Buffers;
using System.Diagnostics;
using System.Text;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Markdown;
using Crosswalk.Output;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

/// <summary>Measures stages: wall time, processor time of all threads, bytes allocated on all threads and time the garbage collector paused them.</summary>
internal sealed class StageClock(List<StageTiming> timings)
{
    public T Time<T>(string stage, Func<T> work)
    {
        var alloc = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Environment.CpuUsage.TotalTime;
        var sw = Stopwatch.StartNew();
        var result = work();
        // CollectionCount(n) counts the collections of generation n or older: the differences give each generation's.
        var (all0, all1, all2) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        timings.Add(new StageTiming(stage, sw.Elapsed, Environment.CpuUsage.TotalTime - cpu, GC.GetTotalAllocatedBytes() - alloc,
            GC.GetTotalMemory(forceFullCollection: false), GC.GetTotalPauseDuration() - paused, all0 - all1, all1 - all2, all2));
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });
}

/// <summary>The stage results of one build, held together so later stages (and serve) can reach them.</summary>
internal sealed class SiteModel(BuildContext context, IncrementalState? state = null)
{
    private TemplateIdSets _templateIds = new();
    private IReadOnlyList<SourceFile> _statics = [];
    private SiteIndex? _index;
    private Navigation? _navigation;
    private Theme? _theme;
    private readonly Dictionary<string, IReadOnlySet<string>> _layoutIds = new(StringComparer.Ordinal);
    private List<(string From, string To)> _redirectPages = [];
    private List<string> _generatedUrls = [];
    private Dictionary<string, string> _taken = [];
    private CatalogSet _catalogs = CatalogSet.Load([], "", new DiagnosticBag());
    private ClaimSet _claims = new([]);

    public List<ParsedPage> Pages { get; private set; } = [];

    /// <summary>Markdown files found, including those that could not be used.</summary>
    public int SourcePageCount { get; private set; }

    private SiteConfig Config => context.Config;
    private DiagnosticBag Diagnostics => context.Diagnostics;

    /// <summary>
    /// Runs <paramref name="work"/> against a bag of its own and adds what it reported to the build's diagnostics; the
    /// list is given back so a preview can replay it when it reuses the work's result.
    /// </summary>
    private T Reporting<T>(Func<DiagnosticBag, T> work, out IReadOnlyList<Diagnostic> reported)
    {
        var bag = new DiagnosticBag();
        var result = work(bag);
        reported = bag.ToSortedList();
        Diagnostics.AddRange(reported);
        return result;
    }

    public void Load(StageClock clock)
    {
        var excluded = new[] { Config.OutputDirectory };
        var files = clock.Time("Discover", () =>
        {
            // A preview told which files changed, all of them known, still there and not (now) links, has the same files
            // as before. Discover would have to judge a new link.
            if (state is { Changed: { } changed, Files: var (known, paths, reported) }
                && changed.All(p => paths.Contains(p) && File.Exists(p) && new FileInfo(p).LinkTarget is null))
            {
                Diagnostics.AddRange(reported);
                return known;
            }
            var found = Reporting(bag => Discover.Run(Config.SourceDirectory, Config.RootDirectory, excluded, bag), out var diagnostics);
            if (state is not null)
            {
                state.Files = (found, found.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal), diagnostics);
            }
            return found;
        });
        _statics = files.Where(f => f.Kind == SourceKind.Static).ToList();
        SourcePageCount = files.Count(f => f.Kind == SourceKind.Page);
        _theme = clock.Time("LoadTheme", () =>
        {
            // A preview keeps its theme: editing a template rebuilds everything.
            if (state?.Theme is var (kept, reported))
            {
                Diagnostics.AddRange(reported);
                return kept;
            }
            var theme = Reporting(bag => Theme.Load(Config.TemplatesDirectory, Config.RootDirectory, bag), out var diagnostics);
            if (state is not null)
            {
                state.Theme = (theme, diagnostics);
            }
            return theme;
        });

        _catalogs = clock.Time("LoadCatalogs", () =>
        {
            // A preview keeps its catalogs (editing one rebuilds everything): cached claims hold their criteria, and
            // criteria are compared by identity.
            if (state?.Catalogs is var (kept, reported))
            {
                Diagnostics.AddRange(reported);
                return kept;
            }
            var loaded = Reporting(bag => CatalogSet.Load(Config.Catalogs, Config.RootDirectory, bag, Config.CatalogLocations), out var diagnostics);
            if (state is not null)
            {
                state.Catalogs = (loaded, diagnostics);
            }
            return loaded;
        });
        ResolveCriteria.CheckRules(Config, _catalogs, Diagnostics);

        // A parsed site is held in memory until it is rendered: check keeps no body HTML, and only tables a coverage rule
        // could read are kept (mapping tables give their claims while parsing).
        var parser = new PageParser(context.Markdown, context.Placeholders, new MappingTableAnnotator(Config.Mappings, _catalogs, Config.BaseUrl) { LinkCells = context.RendersPages })
        {
            KeepBody = context.RendersPages,
            KeepTable = header => Config.Coverage.Any(rule => ResolveCriteria.CoverageColumns(header, rule) is not null),
        };
        Pages = clock.Time("ParseMarkdown", () =>
        {
            var entries = ParseAll(files, parser);
            var pages = new List<ParsedPage>(entries.Length);
            foreach (var entry in entries)
            {
                // Replayed in file order through the site's bag, which applies severity overrides.
                foreach (var d in entry.Diagnostics)
                {
                    Diagnostics.Add(d);
                }
                if (entry.Page is not null)
                {
                    pages.Add(entry.Page);
                }
            }
            return pages;
        });

        clock.Time("Index", () =>
        {
            var signature = _structure = state is null ? 0UL : IndexSignature();
            if (state?.Index is { } previous && previous.Signature == signature)
            {
                ReuseIndex(previous);
                return;
            }
            var parsed = Pages;
            var (index, navigation) = Reporting(bag =>
            {
                Pages = RemoveDuplicateUrls(Pages, bag);
                RemoveOutputCollisions(bag);
                var redirects = CollectRedirects();
                var index = new SiteIndex(Pages, _statics, redirects.Where(r => UrlPath.Key(r.From) is not null).Select(r => new KeyValuePair<string, string>(UrlPath.Key(r.From)!, r.To)),
                    CriteriaPages.Urls(_catalogs));
                _index = index;
                _redirectPages = CheckRedirects(redirects, bag);
                return (index, new Navigation(Pages, _catalogs.All.Count > 0 ? [("Criteria", CriterionUrls.Root)] : null));
            }, out var reported);
            _navigation = navigation;
            if (state is not null)
            {
                state.Index = new IndexEntry(signature, parsed, Pages, _statics, index, navigation, _redirectPages, _taken, reported);
            }
        });
        clock.Time("ResolveLinks", ResolveLinks);
        clock.Time("ResolveCriteria", () =>
        {
            var criteria = new ResolveCriteria(Config, _catalogs, _index!, Diagnostics)
            {
                ResolvedLinks = page => _links.GetValueOrDefault(page)?.Targets,
                HeldCache = state?.HeldClaims,
                Previous = state?.Claims,
                Replaced = _replaced,
            };
            _claims = criteria.Claims(Pages);
            if (state is not null)
            {
                state.Claims = _claims;
            }
            criteria.CheckCoverage(Pages, _claims);
        });
    }

    /// <summary>Parses the site's pages in file order, in parallel; a preview parses again only what may have changed.</summary>
    private ParseEntry[] ParseAll(IReadOnlyList<SourceFile> files, PageParser parser)
    {
        if (state is { Changed: { } changed, LastParse: { } last } && ReferenceEquals(last.Files, files))
        {
            // The files of the last build: only those reported changed, and links (whose targets may have changed), are
            // looked at. Nothing is gone, so nothing is forgotten.
            var entries = (ParseEntry[])last.Entries.Clone();
            var again = last.Links.Concat(changed.Select(p => last.PageIndex.GetValueOrDefault(p, -1)).Where(i => i >= 0)).Distinct().ToList();
            foreach (var (i, entry) in again.AsParallel().Select(i => (i, Parse(last.PageFiles[i], parser))).ToList())
            {
                entries[i] = entry;
            }
            state.LastParse = last with { Entries = entries };
            return entries;
        }
        var pageFiles = files.Where(f => f.Kind == SourceKind.Page).ToList();
        var parsed = pageFiles.AsParallel().AsOrdered().Select(f => Parse(f, parser)).ToArray();
        if (state is not null)
        {
            var live = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in state.Parsed.Keys.Where(k => !live.Contains(k)).ToList())
            {
                state.Parsed.Remove(gone);
            }
            state.LastParse = new LastParse(files, pageFiles, parsed,
                pageFiles.Select((f, i) => (f.FullPath, i)).ToDictionary(x => x.FullPath, x => x.i, StringComparer.Ordinal),
                [.. pageFiles.Select((f, i) => (f, i)).Where(x => x.f.IsLink).Select(x => x.i)]);
        }
        return parsed;
    }

    // The last parse of a file; files are parsed in parallel, and the state's dictionary is written under its lock.
    private ParseEntry? Parsed(SourceFile file)
    {
        lock (state!.Parsed)
        {
            return state.Parsed.GetValueOrDefault(file.FullPath);
        }
    }

    /// <summary>Parses one file, or takes it from the incremental state when the file is unchanged.</summary>
    private ParseEntry Parse(SourceFile file, PageParser parser)
    {
        // A file the watcher did not report is as it was; a link is checked anyway, its target may have changed.
        if (state is { Changed: { } changed } && !file.IsLink && !changed.Contains(file.FullPath) && Parsed(file) is { } unchanged && unchanged.Page?.Source == file)
        {
            return unchanged;
        }
        long length = -1;
        var stamp = DateTime.MinValue;
        try
        {
            var info = new FileInfo(file.FullPath);
            // A link's own stamp does not change when its target is edited: the target's is what counts.
            if (file.IsLink && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }
            (length, stamp) = (info.Length, info.LastWriteTimeUtc);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reported by the read below.
        }
        if (state is not null && Parsed(file) is { } cached && cached.Length == length && cached.LastWriteUtc == stamp && cached.Page?.Source == file)
        {
            return cached;
        }
        var bag = new DiagnosticBag();
        ParsedPage? page = null;
        try
        {
            page = SourceReader.Read(file, bag) is { } text ? parser.Parse(file, text, bag) : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InsufficientExecutionStackException or IndexOutOfRangeException or FormatException)
        {
            // Markdig refuses absurd nesting with an exception: the page is reported and left out, the build goes on.
            bag.Report(DiagnosticCodes.UnprocessablePage, Severity.Error, $"the page cannot be processed: {ex.Message}",
                new SourceLocation(file.DisplayPath, 1, 1), "simplify the deepest nesting of lists, quotes, brackets or HTML");
        }
        var entry = new ParseEntry(length, stamp, page, bag.ToSortedList());
        if (state is not null)
        {
            lock (state.Parsed)
            {
                state.Parsed[file.FullPath] = entry;
            }
        }
        return entry;
    }

    // The site's structure in a preview (0 otherwise): what the index, sidebar, breadcrumbs and resolved links of every
    // page are made from. While it is unchanged, those are reused.
    private ulong _structure;

    // When the last index was reused: the pages parsed again, each with its place among the pages and the parse it
    // replaces. Every later stage updates the last build's results at these places; null when the structure changed.
    private List<(int Place, ParsedPage Old, ParsedPage New)>? _replaced;

    /// <summary>
    /// Everything the Index stage reads: each page's path, URL, titles, sidebar place, permalink and redirects, and the
    /// static files. While it is unchanged (a preview edit to a body), the last index serves again.
    /// </summary>
    private ulong IndexSignature()
    {
        var f = new Fnv();
        foreach (var p in Pages)
        {
            f.Add(PageHash(state!.StructureHashes, p, static (p, _, h) =>
            {
                h.Add(p.Source.FullPath).Add(p.Url).Add(p.Title).Add(p.NavTitle).Add(p.Meta.ShortTitle ?? "\0").Add(p.Meta.NavOrder ?? int.MinValue)
                 .Add(p.Meta.HideFromNav ? 1 : 0).Add(p.Meta.PermalinkLocation is { } permalink ? permalink.Line * 65536 + permalink.Column : -1);
                foreach (var (url, at) in p.Meta.RedirectFrom)
                {
                    h.Add(url).Add(at.Line).Add(at.Column);
                }
            }, 0));
        }
        foreach (var file in _statics)
        {
            f.Add(file.RelativePath);
        }
        return f.Value;
    }

    /// <summary>Takes the last index, sidebar and redirects, with this build's parse of each edited page swapped in.</summary>
    private void ReuseIndex(IndexEntry previous)
    {
        // The same signature: the same files in the same order, some parsed again.
        var parsed = Pages;
        var replaced = new Dictionary<ParsedPage, ParsedPage>();
        for (var i = 0; i < parsed.Count; i++)
        {
            if (!ReferenceEquals(previous.Parsed[i], parsed[i]))
            {
                replaced[previous.Parsed[i]] = parsed[i];
            }
        }
        var pages = replaced.Count == 0 ? previous.Pages : previous.Pages.ConvertAll(p => replaced.GetValueOrDefault(p, p));
        _replaced = [];
        for (var i = 0; replaced.Count > 0 && i < pages.Count; i++)
        {
            if (!ReferenceEquals(pages[i], previous.Pages[i]))
            {
                _replaced.Add((i, previous.Pages[i], pages[i]));
            }
        }
        previous.Index.ReplacePages(replaced);
        previous.Navigation.ReplacePages(replaced);
        Pages = pages;
        _statics = previous.Statics;
        _index = previous.Index;
        _navigation = previous.Navigation;
        _redirectPages = previous.RedirectPages;
        _taken = previous.Taken;
        Diagnostics.AddRange(previous.Diagnostics);
        state!.Index = previous with { Parsed = parsed, Pages = pages };
    }

    /// <summary>The catalogs and claims, for commands that report on them.</summary>
    public (CatalogSet Catalogs, ClaimSet Claims) Criteria => (_catalogs, _claims);

    private List<ParsedPage> RemoveDuplicateUrls(List<ParsedPage> pages, DiagnosticBag report)
    {
        // The page whose own path gives the URL keeps it; else one without a permalink; else the first in path order.
        // The other is reported and left out, so links keep resolving to the page that naturally owns the URL.
        var byUrl = new Dictionary<string, ParsedPage>(StringComparer.OrdinalIgnoreCase);
        var dropped = new HashSet<ParsedPage>();
        foreach (var page in pages)
        {
            if (!byUrl.TryGetValue(page.Url, out var first))
            {
                byUrl[page.Url] = page;
                continue;
            }
            var (keep, drop) = Rank(page) > Rank(first) ? (page, first) : (first, page);
            byUrl[page.Url] = keep;
            dropped.Add(drop);
            var sameCase = string.Equals(keep.Url, drop.Url, StringComparison.Ordinal);
            report.Report(DiagnosticCodes.DuplicateUrl, Severity.Error,
                sameCase
                    ? $"URL '{drop.Url}' is claimed by both '{drop.Source.DisplayPath}' and '{keep.Source.DisplayPath}'"
                    : $"URL '{drop.Url}' of '{drop.Source.DisplayPath}' differs only in letter case from '{keep.Url}' of '{keep.Source.DisplayPath}'",
                drop.Meta.PermalinkLocation ?? new SourceLocation(drop.Source.DisplayPath, 1, 1),
                "give one of them a different permalink");
        }
        return pages.Where(p => !dropped.Contains(p)).ToList();

        static int Rank(ParsedPage p) =>
            UrlModel.FromSourcePath(p.Source.RelativePath) == p.Url ? 2 : p.Meta.PermalinkLocation is null ? 1 : 0;
    }

    /// <summary>
    /// Pages and static files whose output file is one Crosswalk writes itself (the 404 page, sitemap.xml, theme assets,
    /// criteria pages), or a static file that is also a page's output, are CW1004 and left out, rather than one silently
    /// overwriting the other. Compared ignoring case, as a case-insensitive file system would.
    /// </summary>
    private void RemoveOutputCollisions(DiagnosticBag report)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["404.html"] = "the 404 page",
            ["sitemap.xml"] = "the sitemap",
            [SiteWriter.MarkerFile] = "Crosswalk's output marker",
        };
        foreach (var asset in _theme!.Assets)
        {
            taken.TryAdd("assets/" + asset.RelativePath, "a theme asset");
        }
        if (_catalogs.All.Count > 0)
        {
            foreach (var url in CriteriaPages.Urls(_catalogs))
            {
                taken.TryAdd(UrlModel.OutputPath(url), "a generated criteria page");
            }
        }
        var pages = new List<ParsedPage>(Pages.Count);
        foreach (var page in Pages)
        {
            var output = page.OutputPath;
            if (taken.TryGetValue(output, out var owner))
            {
                report.Report(DiagnosticCodes.DuplicateUrl, Severity.Error, $"URL '{page.Url}' is the output of {owner} ('{output}')",
                    page.Meta.PermalinkLocation ?? new SourceLocation(page.Source.DisplayPath, 1, 1), "give the page another permalink");
                continue;
            }
            taken[output] = $"page '{page.Source.DisplayPath}'";
            pages.Add(page);
        }
        Pages = pages;
        // A folder that holds some output cannot also be a file (a static `LICENSE` next to a page at `/LICENSE/`).
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in taken.Keys)
        {
            for (var slash = output.LastIndexOf('/'); slash > 0; slash = output.LastIndexOf('/', slash - 1))
            {
                folders.Add(output[..slash]);
            }
        }
        var statics = new List<SourceFile>(_statics.Count);
        foreach (var file in _statics)
        {
            if (folders.Contains(file.RelativePath))
            {
                report.Report(DiagnosticCodes.DuplicateUrl, Severity.Error, $"file '{file.RelativePath}' has the name of a folder the site needs for its pages",
                    new SourceLocation(file.DisplayPath, 1, 1), "rename the file or give the page another permalink");
                continue;
            }
            if (taken.TryGetValue(file.RelativePath, out var owner))
            {
                report.Report(DiagnosticCodes.DuplicateUrl, Severity.Error, $"file '{file.RelativePath}' would overwrite {owner}",
                    new SourceLocation(file.DisplayPath, 1, 1), "rename or move the file; theme assets are overridden in the templates folder");
                continue;
            }
            taken[file.RelativePath] = $"file '{file.DisplayPath}'";
            statics.Add(file);
        }
        _statics = statics;
        _taken = taken;
    }

    private List<(string From, string To, SourceLocation Location)> CollectRedirects()
    {
        var list = Config.Redirects.ToList();
        foreach (var page in Pages)
        {
            list.AddRange(page.Meta.RedirectFrom.Select(r => (r.Url, page.Url, r.Location)));
        }
        return list;
    }

    private List<(string From, string To)> CheckRedirects(List<(string From, string To, SourceLocation Location)> redirects, DiagnosticBag report)
    {
        var result = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var map = redirects.GroupBy(r => UrlPath.Key(r.From) ?? r.From).ToDictionary(g => g.Key, g => g.First().To, StringComparer.Ordinal);
        foreach (var (from, to, location) in redirects)
        {
            var fromKey = UrlPath.Key(from);
            var fromUrl = UrlModel.NormalizePermalink(from);
            if (fromKey is null || fromUrl is null || !seen.Add(fromKey))
            {
                continue;
            }
            if (_taken.TryGetValue(UrlModel.OutputPath(fromUrl), out var owner) && _index!.PageWithUrl(from) is null)
            {
                report.Report(DiagnosticCodes.BrokenRedirect, Severity.Error,
                    $"redirect source '{from}' would overwrite {owner}", location);
                continue;
            }
            if (_index!.PageWithUrl(from) is { } existing)
            {
                report.Report(DiagnosticCodes.BrokenRedirect, Severity.Error,
                    $"redirect source '{from}' is the URL of page '{existing.Source.DisplayPath}'", location);
                continue;
            }
            // Follow the chain: it must end on a page, without returning to a URL already visited.
            var visited = new HashSet<string>(StringComparer.Ordinal) { fromKey };
            var current = to;
            ParsedPage? target = null;
            var looped = false;
            while (target is null)
            {
                if (SiteIndex.IsExternal(current))
                {
                    break;
                }
                target = _index.PageAt(current);
                var key = UrlPath.Key(current);
                if (target is not null || key is null || !map.TryGetValue(key, out var next))
                {
                    break;
                }
                if (!visited.Add(key))
                {
                    looped = true;
                    break;
                }
                current = next;
            }
            if (looped)
            {
                report.Report(DiagnosticCodes.BrokenRedirect, Severity.Error, $"redirect from '{from}' loops back to itself", location);
            }
            else if (SiteIndex.IsExternal(current))
            {
                result.Add((fromUrl, current));
            }
            else if (target is null)
            {
                var closest = SiteIndex.Closest(UrlPath.Key(to) ?? to, _index.Urls, 1).FirstOrDefault();
                report.Report(DiagnosticCodes.BrokenRedirect, Severity.Error, $"redirect from '{from}' points to '{to}', which does not exist", location,
                    closest is null ? null : $"did you mean '{closest}'?");
            }
            else
            {
                result.Add((fromUrl, target.Url));
            }
        }
        return result;
    }

    private void ResolveLinks()
    {
        // A preview whose structure (URLs, static files, redirects) did not change resolves every link as before: only
        // the edited pages are resolved again, and links to them are pointed at their new parse.
        if (state is not null && _replaced is { } replaced)
        {
            UpdateLinks(replaced, state.Links, state.Referrers);
        }
        else
        {
            if (state is not null)
            {
                // Resolved against other URLs.
                state.HeldClaims.Clear();
                state.Claims = null;
                state.HeldClaimsHashes.Clear();
            }
            // Resolving a page's links reads only the index: done in parallel.
            var resolved = Pages.AsParallel().AsOrdered().Select(ResolveLinksOf).ToList();
            _links = new Dictionary<ParsedPage, ResolvedLinks>(Pages.Count);
            _referrers = new Dictionary<ParsedPage, HashSet<ParsedPage>>(Pages.Count);
            for (var i = 0; i < Pages.Count; i++)
            {
                _links[Pages[i]] = resolved[i];
                Refer(Pages[i], resolved[i], add: true);
            }
        }
        foreach (var (_, entry) in _links)
        {
            if (entry.Diagnostics.Count > 0)
            {
                Diagnostics.AddRange(entry.Diagnostics);
            }
        }

        // Orphans: reachable only through the sidebar or search. The home page is the entry point. After an update
        // only the pages whose count of linking pages changed can have become or stopped being one.
        HashSet<ParsedPage> orphans;
        if (_recounted is not null && state?.Orphans is { } kept)
        {
            orphans = kept;
            foreach (var (_, old, _) in _replaced!)
            {
                orphans.Remove(old);
            }
            foreach (var page in _recounted)
            {
                if (IsOrphan(page))
                {
                    orphans.Add(page);
                }
                else
                {
                    orphans.Remove(page);
                }
            }
        }
        else
        {
            orphans = [.. Pages.Where(IsOrphan)];
        }
        foreach (var page in orphans)
        {
            Diagnostics.Report(DiagnosticCodes.OrphanPage, Severity.Info, $"no page links to '{page.Url}'",
                new SourceLocation(page.Source.DisplayPath, 1, 1), "link it from a related page or its section index");
        }
        if (state is not null)
        {
            state.Links = _links;
            state.Referrers = _referrers;
            state.Orphans = orphans;
        }
    }

    private bool IsOrphan(ParsedPage page) => _referrers.GetValueOrDefault(page) is not { Count: > 0 } && page != _navigation?.Home && page.Url != "/";

    // Each page's resolved links, and the other pages linking to each page (for orphans, and to find the links to an
    // edited page without looking at every link).
    private Dictionary<ParsedPage, ResolvedLinks> _links = [];
    private Dictionary<ParsedPage, HashSet<ParsedPage>> _referrers = [];

    // After a link update: the pages whose links were resolved or pointed anew, the pages replaced by a new parse,
    // and the pages whose set of linking pages changed. Null after a full resolve.
    private List<ParsedPage>? _relinked;
    private HashSet<ParsedPage>? _recounted;

    private void Refer(ParsedPage page, ResolvedLinks links, bool add)
    {
        foreach (var target in links.Targets)
        {
            if (target.Page is not { } to || to == page)
            {
                continue;
            }
            if (add)
            {
                if (!_referrers.TryGetValue(to, out var referrers))
                {
                    _referrers[to] = referrers = [];
                }
                referrers.Add(page);
            }
            else
            {
                _referrers.GetValueOrDefault(to)?.Remove(page);
            }
            _recounted?.Add(to);
        }
    }

    /// <summary>
    /// The last build's links with each edited page (a new parse where the old one stood) resolved again, and the
    /// links of other pages to it pointed at the new parse. The dictionaries are the last build's, changed in place.
    /// </summary>
    private void UpdateLinks(List<(int Place, ParsedPage Old, ParsedPage New)> replaced, Dictionary<ParsedPage, ResolvedLinks> links,
        Dictionary<ParsedPage, HashSet<ParsedPage>> referrers)
    {
        _links = links;
        _referrers = referrers;
        _relinked = [];
        _recounted = [];
        if (replaced.Count == 0)
        {
            return;
        }
        foreach (var (_, old, _) in replaced)
        {
            Refer(old, links[old], add: false);
            links.Remove(old);
        }
        var moved = replaced.ToDictionary(r => r.Old, r => r.New);
        // What still links to an edited page's old parse: pages that were not edited. Their links and the sets of
        // pages linking to it move to the new parse.
        var stale = replaced.SelectMany(r => referrers.GetValueOrDefault(r.Old) ?? []).Distinct().ToList();
        foreach (var page in stale)
        {
            links[page] = links[page] with { Targets = Array.ConvertAll(links[page].Targets, t => t.Page is { } p && moved.TryGetValue(p, out var now) ? t with { Page = now } : t) };
        }
        foreach (var (_, old, now) in replaced)
        {
            if (referrers.Remove(old, out var set))
            {
                referrers[now] = set;
            }
            _recounted.Add(now);
        }
        foreach (var (_, _, now) in replaced)
        {
            Refer(now, links[now] = ResolveLinksOf(now), add: true);
        }
        _relinked = [.. replaced.Select(r => r.New), .. stale];
        _recounted.ExceptWith(moved.Keys);
    }

    private ResolvedLinks ResolveLinksOf(ParsedPage page)
    {
        var hrefs = new string[page.Links.Count];
        var targets = new LinkTarget[page.Links.Count];
        var diagnostics = new List<Diagnostic>();
        foreach (var link in page.Links)
        {
            var target = _index!.Resolve(page, link.Url);
            targets[link.Id] = target;
            hrefs[link.Id] = target.Kind switch
            {
                TargetKind.Page or TargetKind.Static => UrlModel.PublicPath(Config.BaseUrl, target.Path!) + HtmlEscape.Url(target.Suffix),
                _ => HtmlEscape.Url(link.Url),
            };
            if (target.Kind == TargetKind.Missing)
            {
                var isFile = link.Kind is LinkKind.Image or LinkKind.HtmlSrc || LooksLikeFile(link.Url);
                diagnostics.Add(new Diagnostic(isFile ? DiagnosticCodes.MissingFile : DiagnosticCodes.MissingPage, Severity.Error,
                    isFile ? $"file '{link.Url}' does not exist" : $"link target '{link.Url}' does not exist",
                    link.Location, target.Help));
            }
        }
        return new ResolvedLinks(targets, hrefs, diagnostics);
    }

    private static bool LooksLikeFile(string url)
    {
        var path = url.Split('#', '?')[0];
        var ext = Path.GetExtension(path);
        return ext.Length > 0 && !UrlModel.IsPagePath(path) && ext is not ".html" and not ".htm";
    }


    private PageView ViewFor(ParsedPage page, string[] hrefs, IReadOnlyList<CriterionLink> criteria) => new()
    {
        Title = page.Title,
        Url = page.Url,
        Body = new PageBody(page.BodyUtf8, context.Placeholders, hrefs),
        Layout = page.Meta.Layout ?? "page",
        Page = page,
        Summary = page.Meta.Summary,
        HasH1 = page.HasH1,
        Headings = page.Headings,
        Criteria = criteria,
    };

    /// <summary>
    /// What <c>check</c> renders: one page per layout, the 404 page and one generated page. Template errors surface and
    /// the ids each layout adds become known, without the cost of rendering every page to discard it.
    /// </summary>
    public void RenderSamples()
    {
        var renderer = new PageRenderer(Config, _theme!, _navigation!);
        var criteriaPages = new CriteriaPages(_catalogs, _claims, Config.BaseUrl, _navigation!.Home?.NavTitle, _navigation.Home?.Url);
        foreach (var group in Pages.GroupBy(p => p.Meta.Layout ?? "page"))
        {
            var page = group.First();
            var buffer = RenderBuffer();
            var bodies = new List<Range>();
            if (renderer.Render(ViewFor(page, _links[page].Hrefs, criteriaPages.LinksFor(page)), buffer, Diagnostics, bodies: bodies))
            {
                _layoutIds[group.Key] = TemplateOnly(buffer.WrittenSpan, bodies, page);
            }
        }
        renderer.Render(NotFoundView, RenderBuffer(), Diagnostics);
        if (criteriaPages.Build().FirstOrDefault() is { } generated)
        {
            renderer.Render(generated(), RenderBuffer(), Diagnostics);
        }
    }

    /// <summary>Every output path of this build (written now or kept from the previous one).</summary>
    public HashSet<string> OutputPaths { get; private set; } = new(StringComparer.Ordinal);

    public void Render(IOutputSink sink, bool liveReload = false)
    {
        var renderer = new PageRenderer(Config, _theme!, _navigation!);
        var criteriaPages = new CriteriaPages(_catalogs, _claims, Config.BaseUrl, _navigation!.Home?.NavTitle, _navigation.Home?.Url);
        var navSignature = _structure;
        var claimsSignature = state is null ? 0UL : ClaimsSignature();
        // When neither the site's structure nor any claim changed, a page whose parse was reused renders exactly as
        // before: only edited pages are looked at, which keeps an edit on a large site cheap.
        var unchangedSite = state is not null && _replaced is not null && state.LastNavSignature == navSignature && state.LastClaimsSignature == claimsSignature;
        _unchangedSite = unchangedSite;
        // A build needs a page's template ids only where a link's anchor is not in the page's body; a preview keeps
        // them all, since a later edit may link to any page without rendering it again.
        var idsNeeded = state is null ? AnchorTargetsOutsideBody() : null;
        IReadOnlyList<ParsedPage> pages = Pages;
        if (state is not null)
        {
            // Ids and output paths carry over from the last build of an unchanged site, where only the pages parsed
            // again (at the place of their earlier parse) are looked at.
            if (!unchangedSite)
            {
                state.TemplateIds = new TemplateIdSets();
                state.OutputPaths = new HashSet<string>(StringComparer.Ordinal);
            }
            else
            {
                // A page whose render failed is tried again, and reports again.
                var gone = _replaced!.Select(r => r.Old).ToHashSet();
                pages = [.. _replaced!.Select(r => r.New), .. state.FailedRenders.Where(p => !gone.Contains(p))];
            }
            _templateIds = state.TemplateIds;
            OutputPaths = state.OutputPaths;
        }
        var rendered = 0;
        var renderedEntries = new System.Collections.Concurrent.ConcurrentDictionary<string, RenderEntry>(StringComparer.Ordinal);
        var failed = new System.Collections.Concurrent.ConcurrentBag<ParsedPage>();
        pages.AsParallel().ForAll(page =>
        {
            var output = page.OutputPath;
            var hrefs = _links[page].Hrefs;
            var criteria = criteriaPages.LinksFor(page);
            var signature = state is null ? 0UL : PageSignature(hrefs, criteria, navSignature);
            // A page parsed as before whose links, criteria and sidebar are as before renders as before.
            if (state is not null && state.Rendered.TryGetValue(output, out var previous) && ReferenceEquals(previous.Page, page) && previous.Signature == signature)
            {
                _templateIds.Keep(page.Url, previous.Ids);
                renderedEntries[output] = previous;
                return;
            }
            var view = ViewFor(page, hrefs, criteria);
            var buffer = RenderBuffer();
            var bodies = idsNeeded?.Contains(page) != false ? new List<Range>() : null;
            if (!renderer.Render(view, buffer, Diagnostics, liveReload, bodies))
            {
                // No ids of an earlier render may stand for it.
                _templateIds.Remove(page.Url);
                failed.Add(page);
                return;
            }
            if (bodies is not null)
            {
                var ids = _templateIds.Set(page.Url, TemplateOnly(buffer.WrittenSpan, bodies, page));
                if (state is not null)
                {
                    renderedEntries[output] = new RenderEntry(page, signature, ids);
                }
            }
            sink.Write(output, buffer.WrittenSpan);
            Interlocked.Increment(ref rendered);
        });
        if (state is not null)
        {
            // Unchanged, the site has the same pages: only the entries of pages rendered again change.
            if (!unchangedSite)
            {
                state.Rendered.Clear();
            }
            foreach (var page in failed)
            {
                state.Rendered.Remove(page.OutputPath);
            }
            state.FailedRenders = [.. failed];
            foreach (var (path, entry) in renderedEntries)
            {
                if (!state.Rendered.TryGetValue(path, out var kept) || !ReferenceEquals(kept, entry))
                {
                    state.Rendered[path] = entry;
                }
            }
            state.LastRenderedPages = rendered;
            state.LastNavSignature = navSignature;
            state.LastClaimsSignature = claimsSignature;
        }
        if (!unchangedSite)
        {
            OutputPaths.UnionWith(Pages.Select(p => p.OutputPath));
        }

        _generatedUrls = [];
        if (_catalogs.All.Count > 0)
        {
            _generatedUrls = CriteriaPages.Urls(_catalogs).ToList();
            OutputPaths.UnionWith(_generatedUrls.Select(UrlModel.OutputPath));
            // Generated pages depend on every claim and on navigation: built and rendered only when those change.
            ulong? signature = state is null ? null : claimsSignature ^ navSignature;
            if (state is null || state.GeneratedSignature != signature)
            {
                // Pages differ in size by orders of magnitude: handed out one at a time, not in fixed ranges.
                System.Collections.Concurrent.Partitioner.Create(criteriaPages.Build(), loadBalance: true).AsParallel().ForAll(build =>
                {
                    var view = build();
                    var buffer = RenderBuffer();
                    if (renderer.Render(view, buffer, Diagnostics, liveReload))
                    {
                        sink.Write(UrlModel.OutputPath(view.Url), buffer.WrittenSpan);
                    }
                });
                if (state is not null)
                {
                    state.GeneratedSignature = signature;
                }
            }
        }

        // In a preview whose structure did not change, the pages below are as they were; only edited static files
        // are copied again.
        var reuse = unchangedSite;
        if (reuse)
        {
            OutputPaths.Add("404.html");
        }
        else if (RenderBuffer() is var buffer && renderer.Render(NotFoundView, buffer, Diagnostics, liveReload))
        {
            Write(sink, "404.html", buffer.WrittenSpan);
        }
        foreach (var (from, to) in _redirectPages)
        {
            Write(sink, UrlModel.OutputPath(from), Encoding.UTF8.GetBytes(RedirectPage(SiteIndex.IsExternal(to) ? to : UrlModel.PublicPath(Config.BaseUrl, to))));
        }
        foreach (var file in _statics)
        {
            if (reuse && state!.StaticStamps.TryGetValue(file.FullPath, out var stamp) && stamp == Stamp(file))
            {
                OutputPaths.Add(file.RelativePath);
                continue;
            }
            try
            {
                Write(sink, file.RelativePath, File.ReadAllBytes(file.FullPath));
                if (state is not null)
                {
                    state.StaticStamps[file.FullPath] = Stamp(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Diagnostics.Report(DiagnosticCodes.UnreadableSource, Severity.Error, $"cannot read file: {ex.Message}", new SourceLocation(file.DisplayPath, 1, 1));
                // An unchanged site's paths carry over from the last build, which had the file.
                OutputPaths.Remove(file.RelativePath);
            }
        }
        foreach (var asset in _theme!.Assets)
        {
            Write(sink, "assets/" + asset.RelativePath, asset.Content);
        }
        if (reuse)
        {
            OutputPaths.Add("sitemap.xml");
        }
        else
        {
            Write(sink, "sitemap.xml", Encoding.UTF8.GetBytes(Sitemap()));
        }
    }

    private static (long, DateTime) Stamp(SourceFile file)
    {
        var info = new FileInfo(file.FullPath);
        if (file.IsLink && info.Exists && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            info = target;
        }
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
    }

    /// <summary>
    /// The ids the template added to a page: those of the HTML it produced, read without the body where the body was
    /// written in as it is (an unclosed comment or tag in a body must not hide what follows it), and without the
    /// body's own ids.
    /// </summary>
    private static HashSet<string> TemplateOnly(ReadOnlySpan<byte> html, List<Range> bodies, ParsedPage page)
    {
        var text = new StringBuilder(html.Length);
        var at = 0;
        foreach (var body in bodies)
        {
            var (start, length) = body.GetOffsetAndLength(html.Length);
            text.Append(Encoding.UTF8.GetString(html[at..start])).Append(' ');
            at = start + length;
        }
        text.Append(Encoding.UTF8.GetString(html[at..]));
        var ids = HtmlIds.Collect(text.ToString());
        ids.ExceptWith(page.Ids);
        return ids;
    }

    /// <summary>Pages a link points into at an id their body does not have: only their template's ids decide it.</summary>
    private HashSet<ParsedPage> AnchorTargetsOutsideBody()
    {
        var pages = new HashSet<ParsedPage>();
        foreach (var page in Pages)
        {
            var targets = _links[page].Targets;
            foreach (var link in page.Links)
            {
                if (targets[link.Id] is { Kind: TargetKind.Page, Page: { } target, Fragment: { Length: > 0 } fragment } && fragment != "top" && !target.Ids.Contains(fragment))
                {
                    pages.Add(target);
                }
            }
        }
        return pages;
    }


    private static readonly PageView NotFoundView = new() { Title = "Page not found", Url = "/404.html", Layout = "404", Kind = "404" };

    // One output buffer per thread, reused page after page; one that grew for an outsized page is let go.
    private readonly ThreadLocal<ArrayBufferWriter<byte>?> _buffers = new();

    private ArrayBufferWriter<byte> RenderBuffer()
    {
        var buffer = _buffers.Value;
        if (buffer is null || buffer.Capacity > 4 * 1024 * 1024)
        {
            _buffers.Value = buffer = new ArrayBufferWriter<byte>(64 * 1024);
        }
        buffer.ResetWrittenCount();
        return buffer;
    }

    private void Write(IOutputSink sink, string path, ReadOnlySpan<byte> content)
    {
        OutputPaths.Add(path);
        sink.Write(path, content);
    }

    /// <summary>
    /// Everything generated pages and criteria boxes show of the claims: every page's URL and titles, and what each
    /// page's claims say. The latter is hashed once per parse of the page and kept while its claims are.
    /// </summary>
    private ulong ClaimsSignature()
    {
        var f = new Fnv();
        foreach (var page in Pages)
        {
            f.Add(PageHash(state!.HeldClaimsHashes, page, static (page, claims, h) =>
            {
                h.Add(page.Url).Add(page.Title).Add(page.NavTitle);
                foreach (var c in claims.HeldBy(page))
                {
                    h.Add(c.Page.Url).Add(c.Criterion.Catalog.Id).Add(c.Criterion.Id).Add(c.Location.File).Add(c.Location.Line).Add(c.Location.Column)
                     .Add(c.RowId ?? "");
                }
            }, _claims));
        }
        return f.Value;
    }

    /// <summary>
    /// A page's hash for a site signature, worked out once per parse of the page: <paramref name="hashes"/> keeps it
    /// while the page is in the site (an edit hashes the edited page, not every page). Earlier parses of edited pages
    /// are dropped now and then.
    /// </summary>
    private ulong PageHash<T>(Dictionary<ParsedPage, ulong> hashes, ParsedPage page, Action<ParsedPage, T, Fnv> hash, T arg)
    {
        if (hashes.TryGetValue(page, out var value))
        {
            return value;
        }
        if (hashes.Count > Pages.Count + 256)
        {
            var live = Pages.ToHashSet();
            foreach (var gone in hashes.Keys.Where(p => !live.Contains(p)).ToList())
            {
                hashes.Remove(gone);
            }
        }
        var f = new Fnv();
        hash(page, arg, f);
        return hashes[page] = f.Value;
    }

    private static ulong PageSignature(string[] hrefs, IReadOnlyList<CriterionLink> criteria, ulong navSignature)
    {
        var f = new Fnv().Add((int)(navSignature >> 32)).Add((int)navSignature);
        foreach (var href in hrefs)
        {
            f.Add(href);
        }
        foreach (var c in criteria)
        {
            f.Add(c.Url).Add(c.Title);
        }
        return f.Value;
    }

    // True when the last Render found the site as the build before left it (a preview edit to bodies only).
    private bool _unchangedSite;

    /// <summary>Stage <c>Verify</c>: anchors are checked against the ids of the final HTML, template ids included.</summary>
    public void Verify()
    {
        if (state is null)
        {
            foreach (var page in Pages)
            {
                VerifyAnchors(page, _links[page].Targets, Diagnostics.Add);
            }
            return;
        }
        // In a preview of an unchanged site, a page whose link targets are the very ones of the last build (the same
        // pages, parsed and rendered as before) has the same findings: only pages whose links were updated are
        // checked again.
        var findings = _unchangedSite && state.Anchors is { } kept ? kept : null;
        IEnumerable<ParsedPage> check = Pages;
        if (findings is not null)
        {
            foreach (var (_, old, _) in _replaced!)
            {
                findings.Remove(old);
            }
            check = _relinked!;
        }
        else
        {
            findings = new Dictionary<ParsedPage, IReadOnlyList<Diagnostic>>(Pages.Count);
        }
        foreach (var page in check)
        {
            var targets = _links[page].Targets;
            var found = new List<Diagnostic>();
            VerifyAnchors(page, targets, found.Add);
            findings[page] = found;
        }
        foreach (var (_, found) in findings)
        {
            foreach (var d in found)
            {
                Diagnostics.Add(d);
            }
        }
        state.Anchors = findings;
    }

    private void VerifyAnchors(ParsedPage page, LinkTarget[] targets, Action<Diagnostic> report)
    {
        foreach (var link in page.Links)
        {
            var target = targets[link.Id];
            if (target is not { Kind: TargetKind.Page, Page: not null, Fragment: { Length: > 0 } fragment } || fragment == "top")
            {
                continue;
            }
            var added = _templateIds.Get(target.Page!.Url) ?? _layoutIds.GetValueOrDefault(target.Page.Meta.Layout ?? "page");
            if (!target.Page.Ids.Contains(fragment) && added?.Contains(fragment) != true)
            {
                var ids = added is null ? target.Page.Ids : target.Page.Ids.Concat(added);
                var closest = SiteIndex.Closest(fragment, ids, 3).ToList();
                report(new Diagnostic(DiagnosticCodes.MissingAnchor, Severity.Error,
                    $"anchor '#{fragment}' does not exist on '{target.Page.Url}'", link.Location,
                    closest.Count == 0 ? null : $"did you mean {string.Join(", ", closest.Select(c => $"'#{c}'"))}?"));
            }
        }
    }

    private string Sitemap()
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in Pages.Select(p => p.Url).Concat(_generatedUrls).Order(StringComparer.Ordinal))
        {
            sb.Append("  <url><loc>").Append(HtmlEscape.Text(Config.SiteUrl ?? "")).Append(UrlModel.PublicPath(Config.BaseUrl, url)).Append("</loc></url>\n");
        }
        sb.Append("</urlset>\n");
        return sb.ToString();
    }

    private static string RedirectPage(string target)
    {
        var url = HtmlEscape.Url(target);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Redirecting…</title>
            <link rel="canonical" href="{url}">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url={url}">
            </head>
            <body><p>This page has moved to <a href="{url}">{url}</a>.</p></body>
            </html>

            """;
    }
}

/// <summary>
/// The ids each page's template added, by URL. Most pages get the same few, so equal sets are stored once: holding a
/// full id set per page cost more memory than anything else kept after rendering.
/// </summary>
internal sealed class TemplateIdSets
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> _byUrl = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> _interned = new(StringComparer.Ordinal);

    /// <summary>Records the ids of a page rendered before, already shared by <see cref="Set"/>.</summary>
    public void Keep(string url, IReadOnlySet<string> shared) => _byUrl[url] = shared;

    public IReadOnlySet<string> Set(string url, IReadOnlySet<string> ids)
    {
        var key = string.Join('\n', ids.Order(StringComparer.Ordinal));
        var shared = _interned.GetOrAdd(key, _ => ids);
        _byUrl[url] = shared;
        return shared;
    }

    public IReadOnlySet<string>? Get(string url) => _byUrl.GetValueOrDefault(url);

    public void Remove(string url) => _byUrl.TryRemove(url, out _);
}

/// <summary>64-bit FNV-1a: a cheap fingerprint of render inputs for the preview's cache.</summary>
internal sealed class Fnv
{
    public ulong Value { get; private set; } = 14695981039346656037UL;

    public Fnv Add(string value)
    {
        // FNV-1a over 64-bit words (four characters at a time): signatures cover every page of a site on every edit.
        var chars = value.AsSpan();
        var hash = Value;
        foreach (var word in System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(chars))
        {
            hash = (hash ^ word) * 1099511628211UL;
        }
        foreach (var c in chars[(chars.Length & ~3)..])
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        Value = (hash ^ 0xFFFF0000UL ^ (ulong)value.Length) * 1099511628211UL; // a separator: ("ab", "c") differs from ("a", "bc")
        return this;
    }

    public Fnv Add(ulong value)
    {
        Value = (Value ^ value) * 1099511628211UL;
        Value = (Value ^ (value >> 29)) * 1099511628211UL;
        return this;
    }

    public Fnv Add(int value)
    {
        Value = (Value ^ 0xFFFE0000UL ^ (uint)value) * 1099511628211UL;
        return this;
    }
}
