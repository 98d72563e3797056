using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Links;

/// <summary>What a link points at.</summary>
public enum TargetKind
{
    /// <summary>Another scheme (<c>https:</c>, <c>mailto:</c>) or protocol-relative; not checked offline.</summary>
    External,
    /// <summary>A page of the site.</summary>
    Page,
    /// <summary>A static file of the site.</summary>
    Static,
    /// <summary>A target that does not exist.</summary>
    Missing,
}

/// <summary>The resolution of one link.</summary>
/// <param name="Kind">What it points at.</param>
/// <param name="Page">The target page for <see cref="TargetKind.Page"/>; null for a generated page (criteria).</param>
/// <param name="Path">The target's canonical site path (without base_url), e.g. <c>/a/</c> or <c>/img/x.png</c>.</param>
/// <param name="Fragment">The decoded fragment, or null.</param>
/// <param name="Suffix">Query and fragment exactly as written (with <c>?</c>/<c>#</c>), kept on the rewritten URL.</param>
/// <param name="Help">For <see cref="TargetKind.Missing"/>: a hint such as the closest existing URL.</param>
/// <param name="Why">For <see cref="TargetKind.Missing"/>: what is true of the path when it is not simply absent
/// (<c>is a folder without an index page</c>), or null.</param>
public sealed record LinkTarget(TargetKind Kind, ParsedPage? Page, string? Path, string? Fragment, string Suffix, string? Help = null, string? Why = null);

/// <summary>
/// Stage <c>Index</c>: every URL of the site (page URLs, source paths, static files, redirect sources),
/// and link resolution per DESIGN.md. Paths are case-sensitive as on a real web host.
/// </summary>
public sealed partial class SiteIndex
{
    // Pages are held by their place in the list the index was made from: a preview swaps in new parses of the same
    // pages (WithPages) without copying a table.
    private readonly ParsedPage[] _list;
    private readonly Dictionary<string, int> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _static = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _generated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _caseInsensitive = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _allUrls = [];
    private readonly Dictionary<string, int> _byTitle = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    /// <summary>The docs generator's conventions: URL rules, routes other plugins serve, folder listings.</summary>
    public Config.Profiles.ProfileSettings Profile { get; init; } = new();

    /// <summary>The source folder and the site's root: a missing target outside the source folder that exists on disk is explained.</summary>
    public (string Source, string Root)? Folders { get; init; }

    /// <summary>Source paths of hidden and excluded files and folders (from Discover): a link into one is explained, or (GitHub) served.</summary>
    public IReadOnlySet<string> Skipped { get; init; } = new HashSet<string>();

    /// <summary>Indexes pages (by URL and by source path), static files (by path) and redirects (source key → target URL).</summary>
    public SiteIndex(IEnumerable<ParsedPage> pages, IEnumerable<SourceFile> statics, IEnumerable<KeyValuePair<string, string>> redirects)
        : this(pages, statics, redirects, [])
    {
    }

    // The same tables over another list of pages.
    private SiteIndex(SiteIndex other, ParsedPage[] pages)
    {
        _list = pages;
        (_pages, _static, _redirects, _generated, _byUrl, _caseInsensitive, _allUrls, _byTitle, _folders) =
            (other._pages, other._static, other._redirects, other._generated, other._byUrl, other._caseInsensitive, other._allUrls, other._byTitle, other._folders);
        (Profile, Folders, Skipped) = (other.Profile, other.Folders, other.Skipped);
    }

    /// <summary>
    /// This index over <paramref name="pages"/>: the pages it was made from, some replaced in place by new parses with
    /// the same source path, URL and titles (a preview's edit to a body). The tables are shared, not copied.
    /// </summary>
    public SiteIndex WithPages(IReadOnlyList<ParsedPage> pages)
    {
        if (pages.Count != _list.Length)
        {
            throw new ArgumentException("the pages must stand where the index's own pages stand", nameof(pages));
        }
        return new SiteIndex(this, [.. pages]);
    }

    /// <summary>Also knows <paramref name="generatedUrls"/>: pages Crosswalk generates (criteria), which links may target.</summary>
    public SiteIndex(IEnumerable<ParsedPage> pages, IEnumerable<SourceFile> statics, IEnumerable<KeyValuePair<string, string>> redirects, IEnumerable<string> generatedUrls)
    {
        foreach (var url in generatedUrls)
        {
            if (UrlPath.Key(url) is { } key)
            {
                _generated.TryAdd(key, url);
                _caseInsensitive.TryAdd(key, url);
            }
        }
        var list = _list = [.. pages];
        // Every page's URL is registered before any source path, so a file name never takes another page's URL.
        for (var i = 0; i < list.Length; i++)
        {
            var page = list[i];
            if (UrlPath.Key(page.Url) is { } urlKey)
            {
                _pages.TryAdd(urlKey, i);
                _byUrl.TryAdd(urlKey, i);
                _caseInsensitive.TryAdd(urlKey, page.Url);
            }
        }
        for (var i = 0; i < list.Length; i++)
        {
            var page = list[i];
            AddFolders("/" + page.Source.RelativePath);
            if (UrlPath.Key("/" + page.Source.RelativePath) is { } sourceKey)
            {
                _pages.TryAdd(sourceKey, i);
                _caseInsensitive.TryAdd(sourceKey, page.Url);
            }
            _allUrls.Add(page.Url);
            _byTitle.TryAdd(page.Title.Trim(), i);
            if (page.Meta.ShortTitle is { } shortTitle)
            {
                _byTitle.TryAdd(shortTitle.Trim(), i);
            }
        }
        foreach (var file in statics)
        {
            var path = "/" + file.RelativePath;
            AddFolders(path);
            _static.TryAdd(path, path);
            _caseInsensitive.TryAdd(path, path);
        }
        foreach (var (from, to) in redirects)
        {
            _redirects.TryAdd(from, to);
        }
        _allUrls.Sort(StringComparer.Ordinal);
    }

    // Every folder that holds a page or file: a link to one without an index page is explained, or (GitHub) a listing.
    private void AddFolders(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (!_folders.Add(path[..slash]))
            {
                break;
            }
        }
    }

    /// <summary>All page URLs, sorted.</summary>
    public IReadOnlyList<string> Urls => _allUrls;

    /// <summary>Page titles and short titles.</summary>
    public IEnumerable<string> Titles => _byTitle.Keys.Order(StringComparer.Ordinal);

    /// <summary>The first page (in source order) whose title or short title is <paramref name="title"/>, ignoring case.</summary>
    public ParsedPage? PageTitled(string title) => _byTitle.TryGetValue(title.Trim(), out var i) ? _list[i] : null;

    /// <summary>The page whose URL (not source path) is <paramref name="path"/>, if any.</summary>
    public ParsedPage? PageWithUrl(string path) => UrlPath.Key(path) is { } key && _byUrl.TryGetValue(key, out var i) ? _list[i] : null;

    /// <summary>The page at a canonical site path, if any.</summary>
    public ParsedPage? PageAt(string path) => UrlPath.Key(path) is { } key && _pages.TryGetValue(key, out var i) ? _list[i] : null;

    /// <summary>Resolves <paramref name="url"/> written in <paramref name="from"/>.</summary>
    public LinkTarget Resolve(ParsedPage from, string url)
    {
        url = url.Trim();
        // Liquid or another generator's template code in a link is expanded by that generator, not here.
        if (IsExternal(url) || (Profile.TemplateLinks && (url.Contains("{{", StringComparison.Ordinal) || url.Contains("{%", StringComparison.Ordinal))))
        {
            return new LinkTarget(TargetKind.External, null, null, null, "");
        }
        var cut = url.IndexOfAny(['?', '#']);
        var path = cut < 0 ? url : url[..cut];
        var suffix = cut < 0 ? "" : url[cut..];
        var hash = url.IndexOf('#');
        string? fragment = hash < 0 ? null : Decode(url[(hash + 1)..]);

        if (path.Length == 0)
        {
            return new LinkTarget(TargetKind.Page, from, from.Url, MatchCase(from, fragment), suffix);
        }

        if (Strict)
        {
            return ResolvePublished(from, path, fragment, suffix);
        }

        // Absolute links are site paths; relative ones are resolved against the page's source folder first
        // (how authors write them), then against its URL (how a browser would read them).
        var candidates = path.StartsWith('/')
            ? [path]
            : new[] { UrlPath.Combine("/" + from.Source.Folder, path), UrlPath.Combine(PublicFolder(from), path) };

        foreach (var candidate in candidates)
        {
            if (Find(candidate, fragment, suffix) is { } target)
            {
                return target;
            }
        }
        foreach (var candidate in candidates)
        {
            if (Served(candidate) is { } served)
            {
                return served with { Fragment = fragment, Suffix = suffix };
            }
        }
        return new LinkTarget(TargetKind.Missing, null, null, fragment, suffix, Suggest(candidates[0], path), Explain(from, path, candidates[0]));
    }

    private LinkTarget? Find(string candidate, string? fragment, string suffix)
    {
        var normalized = UrlPath.Normalize(candidate);
        if (normalized is null)
        {
            return null;
        }
        // Looked up as a span: most links end in '/' and are not files, and trimming would copy each.
        if (_static.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(normalized.AsSpan().TrimEnd('/')))
        {
            return new LinkTarget(TargetKind.Static, null, normalized.TrimEnd('/'), fragment, suffix);
        }
        var key = UrlPath.Key(candidate);
        if (key is null)
        {
            return null;
        }
        if (_pages.TryGetValue(key, out var place))
        {
            var page = _list[place];
            return new LinkTarget(TargetKind.Page, page, page.Url, fragment, suffix);
        }
        // A redirect source is valid when its chain ends on a page or leaves the site (loops are CW2004 elsewhere).
        var hops = 0;
        for (var current = key; _redirects.TryGetValue(current, out var to) && hops++ < 16;)
        {
            if (IsExternal(to))
            {
                // The link goes straight to where the redirect leads (a redirect page has no base_url-free address to
                // keep); only to the web: a script or data target is CW2004 and the link stays as written.
                return new LinkTarget(TargetKind.External, null, IsWebAddress(to) ? to : null, fragment, suffix);
            }
            if (PageAt(to) is { } redirected)
            {
                return new LinkTarget(TargetKind.Page, redirected, redirected.Url, fragment, suffix);
            }
            if (UrlPath.Key(to) is not { } next)
            {
                break;
            }
            current = next;
        }
        if (_generated.TryGetValue(key, out var generated))
        {
            return new LinkTarget(TargetKind.Page, null, generated, fragment, suffix);
        }
        return null;
    }

    private string? Suggest(string candidate, string written)
    {
        var key = UrlPath.Key(candidate);
        // Under a generator's profile the page may be there, published in another form than the one written.
        if (Strict && key is not null && _pages.TryGetValue(key, out var page))
        {
            var form = Forms(_list[page]).First();
            return Profile.Urls.Published == Config.Profiles.PublishedForm.Files
                ? $"link the file: '/{_list[page].Source.RelativePath}'"
                : $"the page is published at '{form}'; link it there or link its file, '{_list[page].Source.RelativePath}'";
        }
        if (key is not null && _caseInsensitive.TryGetValue(key, out var caseMatch) && UrlPath.Key(caseMatch) != key)
        {
            return $"'{caseMatch}' matches it except for letter case; URLs are case-sensitive on a web host";
        }
        return DidYouMean.Help(ClosestUrls(key ?? candidate, _allUrls, 1));
    }

    /// <summary>
    /// <see cref="DidYouMean.Closest{T}"/> for URLs: a trailing <c>/</c> does not count, equally near ones in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> ClosestUrls(string value, IReadOnlyCollection<string> candidates, int count)
        => DidYouMean.ClosestOrRelated(value.TrimEnd('/'), candidates, static c => c.TrimEnd('/'), count, StringComparer.Ordinal);


    /// <summary>An http(s) or protocol-relative URL: where a redirect may send a reader.</summary>
    public static bool IsWebAddress(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>A URL with a scheme (<c>https:</c>, <c>mailto:</c>, <c>data:</c>...) or protocol-relative.</summary>
    public static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        var colon = url.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        for (var i = 0; i < colon; i++)
        {
            var c = url[i];
            if (!(char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'))))
            {
                return false;
            }
        }
        return true;
    }

    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
