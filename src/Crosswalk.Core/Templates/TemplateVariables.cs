using Crosswalk.Config;
using Crosswalk.Markdown;
using Scriban.Runtime;

namespace Crosswalk.Templates;

/// <summary>What a template variable's value is made from. The preview re-renders a page when one of these changed.</summary>
[Flags]
public enum TemplateInput
{
    /// <summary>A constant.</summary>
    None = 0,
    /// <summary>site.yml (a change to it rebuilds everything).</summary>
    Config = 1,
    /// <summary>The page's own parse: front matter, headings, body.</summary>
    Page = 2,
    /// <summary>Where the page's links point (the body's rewritten hrefs).</summary>
    Links = 4,
    /// <summary>The criteria the page claims.</summary>
    PageClaims = 8,
    /// <summary>The site's structure: every page's URL, titles and place in the sidebar, the static files, the redirects.</summary>
    Structure = 16,
    /// <summary>Every claim of every page.</summary>
    AllClaims = 32,
    /// <summary>The clock or the process (a preview's live-reload flag).</summary>
    Environment = 64,
}

/// <summary>The body as a template sees it: whole, its leading h1, and the rest (text, or markers the renderer writes them at).</summary>
public sealed record BodyText(string Content, string Title, string Rest);

/// <summary>One page being turned into its template model: the view, the body as the template sees it, and helpers.</summary>
public sealed class PageScope(PageRenderer renderer, PageView view, BodyText body, bool liveReload)
{
    /// <summary>The renderer (its escaping helpers and the shared parts of the model).</summary>
    public PageRenderer Renderer => renderer;
    /// <summary>The page.</summary>
    public PageView View => view;
    /// <summary>The body HTML, or the marker the renderer writes the body at.</summary>
    public string Content => body.Content;

    /// <summary>The body's parts: its leading h1 and the rest.</summary>
    public BodyText Body => body;
    /// <summary>True when serving a preview that reloads itself.</summary>
    public bool LiveReload => liveReload;

    /// <summary>The table of contents, made once per page.</summary>
    public ScriptArray Toc => field ??= PageRenderer.Toc(view.Headings);

    /// <summary>The document-control model (null for a page that is not a controlled document), made once per page.</summary>
    public ScriptObject? Control => view.Page is { } page ? field ??= DocumentControlModel.Of(page.Meta, renderer.Today, renderer.Config.Reviews.WarnDays) : null;

    /// <summary>The breadcrumbs, made once per page.</summary>
    public ScriptArray Breadcrumbs => field ??= renderer.Breadcrumbs(view);

    /// <summary>The previous and next content pages in sidebar order (title, url), made once per page.</summary>
    public (ScriptObject? Previous, ScriptObject? Next) Neighbours => _neighbours ??= renderer.Neighbours(view);

    private (ScriptObject?, ScriptObject?)? _neighbours;
}

/// <summary>A <c>site.*</c> variable: its name and how it is made from site.yml (a change to which starts a preview afresh).</summary>
public sealed record SiteVariable(string Name, Func<SiteConfig, object?> Value);

/// <summary>A variable templates read: its name under <c>page.</c>, what it depends on and how it is made.</summary>
/// <param name="Name">The name under <c>page.</c>.</param>
/// <param name="DependsOn">What its value is made from.</param>
/// <param name="Value">Makes the value (escaped) for one page.</param>
/// <param name="Markup">
/// Trusted HTML made by Crosswalk, holding no ids: when the output is discarded (check) and every template only prints
/// it, it is left empty rather than made, as it cannot change what a template does.
/// </param>
public sealed record TemplateVariable(string Name, TemplateInput DependsOn, Func<PageScope, object?> Value, bool Markup = false);

/// <summary>
/// The registry of template variables: each <c>page.*</c> and <c>site.*</c> variable is declared here once. Every value
/// is HTML-escaped when made (except the trusted body and sidebar HTML). A new variable is one line here; the preview's
/// change detection reads <see cref="PageInputs"/> and needs nothing else.
/// </summary>
public static class TemplateVariables
{
    /// <summary>The <c>site.*</c> variables: the same for every page, made once per build.</summary>
    public static IReadOnlyList<SiteVariable> Site { get; } =
    [
        new("title", c => HtmlEscape.Text(c.Title)),
        new("base_url", c => HtmlEscape.Text(c.BaseUrl)),
        new("site_url", c => c.SiteUrl is null ? null : HtmlEscape.Url(c.SiteUrl)),
        new("asset_base", c => HtmlEscape.Text(c.BaseUrl + "assets/")),
        new("generator", _ => "Crosswalk"),
        new("year", _ => DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>The <c>page.*</c> variables.</summary>
    public static IReadOnlyList<TemplateVariable> Page { get; } =
    [
        new("title", TemplateInput.Page, s => HtmlEscape.Text(s.View.Title)),
        new("summary", TemplateInput.Page, s => s.View.Summary is null ? null : HtmlEscape.Text(s.View.Summary)),
        new("url", TemplateInput.Page | TemplateInput.Config, s => s.Renderer.Href(s.View.Url)),
        new("canonical", TemplateInput.Page | TemplateInput.Config, s => s.Renderer.Canonical(s.View.Url)),
        new("edit_url", TemplateInput.Page | TemplateInput.Config, s => s.Renderer.EditUrl(s.View.Page)),
        new("prev", TemplateInput.Structure, s => s.Neighbours.Previous),
        new("next", TemplateInput.Structure, s => s.Neighbours.Next),
        // The 404 page is served at any URL: only base_url reaches the root from it.
        new("root", TemplateInput.Page | TemplateInput.Config, s => HtmlEscape.Text(s.Renderer.Root(s.View))),
        new("content", TemplateInput.Page | TemplateInput.Links, s => s.Content),
        new("content_title", TemplateInput.Page | TemplateInput.Links, s => s.Body.Title),
        new("content_rest", TemplateInput.Page | TemplateInput.Links, s => s.Body.Rest),
        new("has_h1", TemplateInput.Page, s => s.View.HasH1),
        new("toc", TemplateInput.Page, s => s.Toc),
        new("has_toc", TemplateInput.Page, s => s.Toc.Count > 0),
        new("breadcrumbs", TemplateInput.Structure, s => s.Breadcrumbs),
        new("has_breadcrumbs", TemplateInput.Structure, s => s.Breadcrumbs.Count > 0),
        new("nav", TemplateInput.Structure, s => s.Renderer.Nav(s.View)),
        new("nav_html", TemplateInput.Structure, s => s.Renderer.NavHtml(s.View), Markup: true),
        new("has_nav", TemplateInput.Structure, s => s.Renderer.HasNav),
        new("nav_script", TemplateInput.Structure | TemplateInput.Page | TemplateInput.Config, s => s.Renderer.NavScript(s.View)),
        new("has_criteria", TemplateInput.PageClaims, s => s.View.Criteria.Count > 0),
        new("owner", TemplateInput.Page, s => Escape(s.View.Page?.Meta.Owner)),
        new("last_reviewed", TemplateInput.Page, s => Content.IsoDate.Format(s.View.Page?.Meta.LastReviewed)),
        new("next_review", TemplateInput.Page | TemplateInput.Environment, s => s.Control?["next_review"]),
        new("control", TemplateInput.Page | TemplateInput.Environment, s => s.Control),
        new("criteria", TemplateInput.PageClaims, s => s.Renderer.Criteria(s.View.Criteria)),
        // HTML like nav_html, but it holds an id (cw-criteria-title) links may point to: made for check too, so not Markup.
        new("criteria_html", TemplateInput.PageClaims, s => s.Renderer.CriteriaHtml(s.View.Criteria)),
        new("revisions", TemplateInput.Environment, s => s.Renderer.Revisions(s.View.Revisions)),
        new("last_updated", TemplateInput.Environment, s => s.View.Revisions.Count > 0 ? RevisionModel.Date(s.View.Revisions[0]) : null),
        new("kind", TemplateInput.Page, s => s.View.Kind),
        new("source", TemplateInput.Page, s => Escape(s.View.Page?.Source.DisplayPath)),
        new("live_reload", TemplateInput.Environment, s => s.LiveReload),
    ];

    /// <summary>Everything some <c>page.*</c> variable is made from.</summary>
    public static TemplateInput PageInputs { get; } = Page.Aggregate(TemplateInput.None, (all, v) => all | v.DependsOn);

    private static string? Escape(string? value) => value is null ? null : HtmlEscape.Text(value);
}
