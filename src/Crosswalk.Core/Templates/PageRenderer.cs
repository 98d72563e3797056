using System.Buffers;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Crosswalk.Templates;

/// <summary>
/// Stage <c>Render</c> (layout half): puts a <see cref="PageView"/> into its Scriban layout. Templates see a
/// sanitised model of <see cref="ScriptObject"/>s in which every string is already HTML-escaped, except the
/// trusted body and table-of-contents HTML.
/// </summary>
/// <param name="config">site.yml.</param>
/// <param name="theme">The theme.</param>
/// <param name="navigation">The sidebar.</param>
/// <param name="discardsOutput">What is rendered is thrown away (check): markup only printed need not be made.</param>
public sealed partial class PageRenderer(SiteConfig config, Theme theme, Navigation navigation, bool discardsOutput = false)
{
    /// <summary>
    /// The longest a layout may run on one page. Scriban's loop and depth limits do not bound time: a function calling
    /// itself twice 40 levels deep stays within both and would run for days.
    /// </summary>
    public static readonly TimeSpan TemplateBudget = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(SourceLocation, string), byte> _reported = new();

    private readonly RenderStop _overBudget = new();
    private int _overBudgetReported;

    /// <summary>The day review statuses are judged against.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>site.yml.</summary>
    internal SiteConfig Config => config;

    /// <summary>The public URL of a canonical site path, percent-encoded: <c>/a/</c> under base_url <c>/docs/</c> is <c>/docs/a/</c>.</summary>
    public string PublicUrl(string path) => UrlModel.PublicPath(config.BaseUrl, path);

    // Stands for a content page's body while the layout renders; never appears in a written page. The nonce keeps
    // page text from forging it.
    private readonly BodyText _markers = new(Marker(), Marker(), Marker());

    private static string Marker() => "cwcontent" + Guid.NewGuid().ToString("N")[..12] + "_";

    /// <summary>
    /// Renders <paramref name="view"/> as UTF-8 into <paramref name="output"/>, which is cleared first. A template failure
    /// is CW4001 and returns false, with <paramref name="output"/> holding part of the page. <paramref name="bodies"/>,
    /// when given, receives where the page's body stands in the output when it was written in as it is (what the
    /// template itself produced is the rest).
    /// </summary>
    public bool Render(PageView view, ArrayBufferWriter<byte> output, DiagnosticBag diagnostics, bool liveReload = false, List<Range>? bodies = null)
    {
        output.ResetWrittenCount();
        bodies?.Clear();
        var name = Theme.LayoutPath(view.Layout);
        // Check throws the page away unread unless its ids are wanted: the layout still runs on the page's model, but
        // nothing is encoded, and there is no output to stream the body into (check keeps no body such a layout prints).
        var discard = discardsOutput && bodies is null;
        // When the theme only prints page.content, the layout renders around a marker and the body goes from its
        // UTF-8 bytes straight to the output: it is never decoded, copied through the template or encoded again.
        if (!discard && view.Body is { } body && theme.PrintsContentVerbatim(name))
        {
            var streamed = new Utf8Output(output, [(_markers.Content, PageBody.All), (_markers.Title, body.Title), (_markers.Rest, body.Rest)], body);
            if (!RenderLayout(view, name, _markers, streamed, diagnostics, liveReload, bodies is not null))
            {
                return false;
            }
            streamed.Complete();
            if (!streamed.MarkerLeaked)
            {
                bodies?.AddRange(streamed.Bodies);
                return true;
            }
            output.ResetWrittenCount();
        }
        var text = view.Body is { } b ? new BodyText(b.ToHtml(), b.ToHtml(b.Title), b.ToHtml(b.Rest)) : new BodyText(view.ContentHtml, "", view.ContentHtml);
        var encoded = discard ? null : new Utf8Output(output);
        if (!RenderLayout(view, name, text, (IScriptOutput?)encoded ?? DiscardedOutput.Instance, diagnostics, liveReload, bodies is not null))
        {
            return false;
        }
        encoded?.Complete();
        return true;
    }

    private bool RenderLayout(PageView view, string name, BodyText content, IScriptOutput output, DiagnosticBag diagnostics, bool liveReload, bool idsNeeded)
    {
        var template = theme.Get(name);
        if (template is null)
        {
            diagnostics.Report(DiagnosticDescriptors.TemplateError, $"layout '{view.Layout}' does not exist (expected {name} in the theme)",
                view.Page is { } p ? new SourceLocation(p.Source.DisplayPath, 1, 1) : null);
            return false;
        }
        if (_overBudget.Stopped)
        {
            return false;
        }
        var context = theme.Rent();
        var globals = new ScriptObject(2)
        {
            ["site"] = _site.Value,
            ["page"] = PageModel(view, content, liveReload, idsNeeded),
        };
        context.PushGlobal(globals);
        context.PushOutput(output);
        context.Start(TemplateBudget, _overBudget);
        try
        {
            template.Render(context);
            theme.Return(context);
            return true;
        }
        catch (ScriptAbortException ex)
        {
            if (context.Overran && Interlocked.Exchange(ref _overBudgetReported, 1) == 0)
            {
                _overBudget.Stop();
                diagnostics.Report(DiagnosticDescriptors.TemplateError,
                    $"template ran longer than {TemplateBudget.TotalSeconds:F0} s on one page (a loop or recursion that never ends in practice)",
                    new SourceLocation(theme.DisplayPath(ex.Span.FileName ?? name), ex.Span.Start.Line + 1, ex.Span.Start.Column + 1));
            }
            return false;
        }
        catch (ScriptRuntimeException ex)
        {
            var file = theme.DisplayPath(ex.Span.FileName ?? name);
            var location = new SourceLocation(file, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1);
            // One fault in a layout fails every page: it is reported once (no page named, so the output stays deterministic
            // whatever order the pages render in).
            if (_reported.TryAdd((location, ex.OriginalMessage), 0))
            {
                diagnostics.Report(DiagnosticDescriptors.TemplateError, $"template error: {ex.OriginalMessage}", location);
            }
            return false;
        }
    }

    // The site object is the same for every page, rendering in parallel: built once and read-only, so an assignment
    // to one of its members is a template error rather than a value leaking into other pages.
    private readonly Lazy<ScriptObject> _site = new(() =>
    {
        var site = new ScriptObject(TemplateVariables.Site.Count);
        foreach (var variable in TemplateVariables.Site)
        {
            site[variable.Name] = variable.Value(config);
        }
        site.IsReadOnly = true;
        return site;
    });

    // Which page variables some template may read: the others are left null rather than made for every page.
    private readonly bool[] _read = [.. TemplateVariables.Page.Select(v => theme.MayRead(v.Name))];

    // Which are left empty when the output is discarded (see TemplateVariable.Markup).
    private readonly bool[] _blank = [.. TemplateVariables.Page.Select(v => discardsOutput && v.Markup && theme.OnlyPrints(v.Name))];

    // idsNeeded: the ids of the page's HTML will be read, so it is made whole (markup in an attribute can change how
    // what follows it reads).
    private ScriptObject PageModel(PageView view, BodyText content, bool liveReload, bool idsNeeded)
    {
        var scope = new PageScope(this, view, content, liveReload);
        var variables = TemplateVariables.Page;
        var model = new ScriptObject(variables.Count);
        for (var i = 0; i < variables.Count; i++)
        {
            model[variables[i].Name] = !_read[i] ? null : _blank[i] && !idsNeeded ? "" : variables[i].Value(scope);
        }
        return model;
    }

    /// <summary>The site's root as a page reaches it: relative to the page, or base_url from a page served at any URL (404).</summary>
    internal string Root(PageView view) => view.ServedAnywhere ? config.BaseUrl : UrlModel.RelativeRoot(view.Url);

    /// <summary>The escaped public URL of a canonical site path, for an attribute value of the model.</summary>
    internal string Href(string path) => HtmlEscape.Text(PublicUrl(path));

    /// <summary>A page's canonical URL: absolute under <c>site_url</c> when site.yml sets it, else its public path.</summary>
    internal string Canonical(string path) => Output.Sitemap.AbsoluteUrl(config, path) ?? Href(path);

    /// <summary>
    /// Where a content page's source is edited: <c>edit_url</c> + its path relative to site.yml's folder, each part
    /// percent-encoded; null for a generated page or without <c>edit_url</c>.
    /// </summary>
    internal string? EditUrl(ParsedPage? page) =>
        config.EditUrl is { } edit && page is not null ? HtmlEscape.Url(edit) + HtmlEscape.Path(page.Source.DisplayPath) : null;

    /// <summary>The content pages before and after a content page in sidebar order, as <c>title</c> and <c>url</c>.</summary>
    internal (ScriptObject? Previous, ScriptObject? Next) Neighbours(PageView view)
    {
        if (view.Page is not { } page)
        {
            return (null, null);
        }
        var (previous, next) = navigation.Neighbours(page);
        return (Link(previous), Link(next));

        // Made for the page, not kept: each page is the neighbour of two others only, and kept entries for every page
        // of a 100,000-page site held 60 MB through the render.
        ScriptObject? Link(NavNode? node) => node?.Url is { } url ? Crumb((node.Title, url)) : null;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<History.Revision, ScriptObject> _revisions = new();

    /// <summary>The model of a page's revisions, newest first; each commit's entry is made once and shared.</summary>
    internal ScriptArray Revisions(IReadOnlyList<History.Revision> revisions) => new(revisions.Select(r => _revisions.GetOrAdd(r, RevisionModel.Entry)));

    /// <summary>True when the site has a sidebar.</summary>
    internal bool HasNav => navigation.Roots.Count > 0;

    /// <summary>The model of a page's criteria box; each criterion's entry is made once and shared.</summary>
    internal ScriptArray Criteria(IReadOnlyList<CriterionLink> criteria) => new(criteria.Select(c => _criteria.GetOrAdd(c, CriterionModel)));

    // Criteria and breadcrumb entries repeat across pages: each is built once and shared, read-only.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<CriterionLink, ScriptObject> _criteria = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Title, string Url), ScriptObject> _crumbs = new();

    /// <summary>
    /// The criteria box as HTML (<c>page.criteria_html</c>): the markup the built-in theme shows, built here because the
    /// same box through a template loop took a third of a page's render. Each criterion's line is made once per build.
    /// </summary>
    internal string CriteriaHtml(IReadOnlyList<CriterionLink> criteria)
    {
        if (criteria.Count == 0)
        {
            return "";
        }
        // One builder per thread, as for the sidebar.
        var html = t_criteria ??= new System.Text.StringBuilder(4096);
        html.Clear().Append("<aside class=\"cw-criteria\" aria-labelledby=\"cw-criteria-title\">\n  <p class=\"cw-criteria-title\" id=\"cw-criteria-title\">Criteria</p>\n");
        string? catalog = null;
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            // A new group whenever the catalog changes: the list is sorted by catalog.
            if (i == 0 || !string.Equals(criterion.CatalogName, catalog, StringComparison.Ordinal))
            {
                if (i > 0)
                {
                    html.Append("  </ul>\n");
                }
                catalog = criterion.CatalogName;
                html.Append("  <p class=\"cw-criteria-catalog\">").Append(HtmlEscape.Text(catalog)).Append("</p>\n  <ul class=\"cw-criteria-list\">\n");
            }
            html.Append(_criterionLines.GetOrAdd(criterion, CriterionLine));
        }
        return html.Append("  </ul>\n</aside>").ToString();
    }

    private string CriterionLine(CriterionLink c)
    {
        var id = HtmlEscape.Text(c.Id);
        var url = Href(c.Url);
        // No class or indent: the theme styles the ID and the name by their place in the item, and at 183,000 items in a
        // 10,000-page site the classes were 8.6 MB.
        var link = url.Length > 0 ? $"<a href=\"{url}\">{id}</a>" : $"<span>{id}</span>";
        return $"<li>{link} <span>{HtmlEscape.Text(c.Title)}</span></li>\n";
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<CriterionLink, string> _criterionLines = new();

    [ThreadStatic]
    private static System.Text.StringBuilder? t_criteria;

    private ScriptObject CriterionModel(CriterionLink c) => new(4)
    {
        ["catalog_name"] = HtmlEscape.Text(c.CatalogName),
        ["id"] = HtmlEscape.Text(c.Id),
        ["title"] = HtmlEscape.Text(c.Title),
        ["url"] = Href(c.Url),
        IsReadOnly = true,
    };

    private ScriptObject Crumb((string Title, string Url) crumb) => new(2)
    {
        ["title"] = HtmlEscape.Text(crumb.Title),
        ["url"] = Href(crumb.Url),
        IsReadOnly = true,
    };

    internal static ScriptArray Toc(IReadOnlyList<Heading> headings)
    {
        var top = new ScriptArray();
        ScriptArray? currentChildren = null;
        ScriptObject? currentParent = null;
        foreach (var heading in headings.Where(h => h.Level is 2 or 3))
        {
            var children = new ScriptArray();
            var entry = new ScriptObject(6)
            {
                ["id"] = HtmlEscape.Attribute(heading.Id),
                ["html"] = HtmlEscape.Text(heading.Text),
                ["level"] = heading.Level,
                ["children"] = children,
                ["has_children"] = false,
            };
            if (heading.Level == 3 && currentChildren is not null)
            {
                currentChildren.Add(entry);
                currentParent!["has_children"] = true;
            }
            else
            {
                top.Add(entry);
                if (heading.Level == 2)
                {
                    currentChildren = children;
                    currentParent = entry;
                }
            }
        }
        return top;
    }

    internal ScriptArray Breadcrumbs(PageView view)
    {
        IEnumerable<(string Title, string Url)> trail = view.Breadcrumbs
            ?? (view.Page is { } page
                ? navigation.Breadcrumbs(page).Where(n => n.Url is not null).Select(n => (n.Title, n.Url!))
                : navigation.Home is { } home ? [(home.NavTitle, home.Url)] : []);
        return new ScriptArray(trail.Select(t => _crumbs.GetOrAdd(t, Crumb)));
    }

    /// <summary>The sidebar, for the model's <c>nav</c> and <c>nav_html</c> (PageRenderer.Sidebar.cs).</summary>
    private Navigation Sidebar => navigation;
}
