using Crosswalk.Config.Profiles;
using Crosswalk.Content;

namespace Crosswalk.Links;

// Under a docs generator's profile a link must reach what the generator publishes, in the form it publishes it: a link to
// a Markdown file is resolved from the linking file's folder (MkDocs, Docusaurus, jekyll-relative-links and Mintlify rewrite
// those), any other link as a browser reads it from the page's public URL, against the published forms only.
public sealed partial class SiteIndex
{
    private Dictionary<string, int>? _bySourcePath;
    private Dictionary<string, int>? _published;

    private bool Strict => Profile.Urls.Published != PublishedForm.Lenient;

    private LinkTarget ResolvePublished(ParsedPage from, string path, string? fragment, string suffix)
    {
        var rules = Profile.Urls;
        // 'setup.md/' names the file setup.md, as MkDocs and Docusaurus normalise it.
        var pageFile = UrlModel.IsPagePath(path.TrimEnd('/'));
        if (pageFile)
        {
            path = path.TrimEnd('/');
        }
        var dotRelative = rules.DotRelativeIsSource && (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal));
        var fromSource = UrlPath.Combine("/" + from.Source.Folder, path);
        var fromUrl = UrlPath.Combine(PublicFolder(from), path);
        var absolute = path.StartsWith('/');
        LinkTarget? target;
        string written;
        if (rules.Published == PublishedForm.Files || pageFile || dotRelative)
        {
            written = absolute ? path : fromSource;
            target = SourceFile(written, bare: dotRelative && !pageFile) ?? StaticFile(written);
        }
        else if (IsOtherFile(path))
        {
            // An image or a download: generators resolve these from the file too, browsers from the page.
            written = absolute ? path : fromSource;
            target = StaticFile(written) ?? (absolute ? null : StaticFile(fromUrl));
        }
        else
        {
            written = absolute ? path : fromUrl;
            target = PublishedPage(written) ?? StaticFile(written);
        }
        if (target is not null)
        {
            return target with { Fragment = target.Page is { } page ? MatchCase(page, fragment) : fragment, Suffix = suffix };
        }
        if (Served(written) is { } served)
        {
            return served with { Fragment = fragment, Suffix = suffix };
        }
        return new LinkTarget(TargetKind.Missing, null, null, fragment, suffix, Suggest(written, path), Explain(from, path, written));
    }

    /// <summary>
    /// The fragment as the page's id is spelt when the host matches anchors ignoring case (GitHub's script does), so
    /// <c>#Foo-Bar</c> reaches <c>## Foo Bar</c>; else as written.
    /// </summary>
    internal string? MatchCase(ParsedPage page, string? fragment) =>
        Profile.AnchorsIgnoreCase && fragment is { Length: > 0 } && !page.Ids.Contains(fragment)
            ? page.Ids.Where(id => string.Equals(id, fragment, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault() ?? fragment
            : fragment;

    // A file name with an extension that is neither a page's nor a web page's.
    private static bool IsOtherFile(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 && !UrlModel.IsPagePath(name) && name[dot..] is not ".html" and not ".htm";
    }

    /// <summary>The page whose source file is at <paramref name="path"/> (or, <paramref name="bare"/>, that path without its extension).</summary>
    private LinkTarget? SourceFile(string path, bool bare)
    {
        if (UrlPath.Normalize(path) is not { } normalized)
        {
            return null;
        }
        var map = LazyInitializer.EnsureInitialized(ref _bySourcePath, () =>
        {
            var sources = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _list.Length; i++)
            {
                sources.TryAdd("/" + _list[i].Source.RelativePath, i);
            }
            return sources;
        });
        var trimmed = normalized.TrimEnd('/');
        string[] tries = bare
            ? [trimmed + ".mdx", trimmed + ".md", trimmed + "/index.mdx", trimmed + "/index.md"]
            : [normalized];
        foreach (var candidate in tries)
        {
            if (map.TryGetValue(candidate, out var i))
            {
                return new LinkTarget(TargetKind.Page, _list[i], _list[i].Url, null, "");
            }
        }
        return null;
    }

    private LinkTarget? StaticFile(string path) =>
        UrlPath.Normalize(path) is { } normalized && _static.ContainsKey(normalized) ? new LinkTarget(TargetKind.Static, null, normalized, null, "") : null;

    /// <summary>The page, redirect or generated page published at <paramref name="path"/> in the generator's form.</summary>
    private LinkTarget? PublishedPage(string path)
    {
        if (UrlPath.Normalize(path) is not { } normalized)
        {
            return null;
        }
        var published = LazyInitializer.EnsureInitialized(ref _published, () =>
        {
            var forms = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _list.Length; i++)
            {
                foreach (var form in Forms(_list[i]))
                {
                    forms.TryAdd(form, i);
                }
                if (Profile.Urls.IndexByName && _list[i].Source.IsIndex)
                {
                    forms.TryAdd(_list[i].Url + "index", i);
                }
            }
            return forms;
        });
        if (published.TryGetValue(normalized, out var page))
        {
            return new LinkTarget(TargetKind.Page, _list[page], _list[page].Url, null, "");
        }
        // A redirect is published like a page at its source; it leads where Find's chain leads.
        var key = UrlPath.Key(normalized);
        if (key is not null && _redirects.ContainsKey(key) && Forms(key == "/" ? "/" : key + "/", folder: false).Contains(normalized))
        {
            return Find(key, null, "");
        }
        return key is not null && _generated.TryGetValue(key, out var generated) ? new LinkTarget(TargetKind.Page, null, generated, null, "") : null;
    }

    /// <summary>The paths at which <paramref name="page"/> is published, the generator's own form first.</summary>
    private IEnumerable<string> Forms(ParsedPage page) => Forms(page.Url, page.Source.IsIndex || page.Meta.Permalink is not null);

    /// <summary>The first of <see cref="Forms(ParsedPage)"/> alone: asked for every relative link, it makes no other.</summary>
    private string FirstForm(ParsedPage page) => FirstForm(page.Url, page.Source.IsIndex || page.Meta.Permalink is not null);

    /// <summary>The generator's own form of <paramref name="url"/>: the first of <see cref="Forms(string, bool)"/>.</summary>
    private string FirstForm(string url, bool folder) => !url.EndsWith('/') ? url : Profile.Urls.Published switch
    {
        PublishedForm.Html when folder => url,
        PublishedForm.Html => Bare(url) + ".html",
        PublishedForm.Bare => Bare(url),
        _ => url,
    };

    private static string Bare(string url) => url.Length > 1 ? url.TrimEnd('/') : url;

    /// <summary>
    /// The paths at which a page with the canonical URL <paramref name="url"/> (<c>/a/b/</c>) is published; a
    /// <paramref name="folder"/> page (an index, or one with a permalink) stays at its folder or permalink in every form.
    /// </summary>
    private IEnumerable<string> Forms(string url, bool folder)
    {
        var first = FirstForm(url, folder);
        if (!url.EndsWith('/'))
        {
            return [first];
        }
        return Profile.Urls.Published switch
        {
            PublishedForm.Html when folder => [first, url + "index.html"],
            PublishedForm.Html => Profile.Urls.ExtensionlessHtml ? [first, Bare(url)] : [first],
            PublishedForm.Bare => [first, url],
            _ => [first, Bare(url), url + "index.html"],
        };
    }
}
