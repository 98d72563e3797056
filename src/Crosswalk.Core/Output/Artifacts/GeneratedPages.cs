using System.Text;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Links;
using Crosswalk.Markdown;
using Crosswalk.Pipeline;
using Crosswalk.Templates;

namespace Crosswalk.Output;

/// <summary>The criteria index, a coverage matrix per catalog and a page per criterion, when catalogs are loaded.</summary>
internal sealed class CriteriaPageFiles : IArtifact
{
    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) =>
        CriteriaPages.Urls(inputs.Catalogs).Select(url => (UrlModel.OutputPath(url), "a generated criteria page"));

    // Each view is built when its file is written: pages differ in size by orders of magnitude.
    public IEnumerable<OutputFile> Files(RenderModel model) =>
        model.CriteriaPages.Build().Select(page => new ViewFile(UrlModel.OutputPath(page.Url), page.View));
}

/// <summary>A generated page: its view is made when it is written. It shows the sidebar and every claim.</summary>
internal sealed class ViewFile(string path, Func<PageView> view) : OutputFile
{
    public override string Path => path;

    public override ulong Fingerprint(RenderModel model) => new Fnv().Add(model.Signatures.Structure).Add(model.Signatures.Claims).Value;

    public override bool Write(RenderModel model, RenderTarget target)
    {
        var buffer = target.Buffer();
        var page = view();
        if (!model.Renderer.Render(page, buffer, target.Diagnostics, model.LiveReload))
        {
            return false;
        }
        target.WritePage(model, path, page, buffer);
        return true;
    }
}

/// <summary>
/// The page a host serves for a URL it does not have. Under a docs generator's profile, the tree's own 404.html (Jekyll's
/// and just-the-docs' carry one) is the site's: this one is then not written, and its path is not reserved.
/// </summary>
internal sealed class NotFoundPage : IArtifact
{
    private const string FileName = "404.html";
    private static readonly PageView View = new() { Title = "Page not found", Url = "/404.html", Layout = "404", Kind = "404" };

    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) =>
        context.Config.Profile.Name != Config.Profiles.SiteProfiles.Crosswalk ? [] : [(FileName, "the 404 page")];

    public IEnumerable<OutputFile> Files(RenderModel model) =>
        model.Config.Profile.Name != Config.Profiles.SiteProfiles.Crosswalk && model.Site.Taken.ContainsKey(FileName) ? [] : [new ViewFile(FileName, () => View)];
}

/// <summary>A page at each redirect source that sends the browser on to its target.</summary>
internal sealed class RedirectPages : IArtifact
{
    public IEnumerable<OutputFile> Files(RenderModel model) => model.Site.RedirectPages.Select(r =>
    {
        var target = SiteIndex.IsExternal(r.To) ? r.To
            : model.Config.RelativeUrls ? HtmlEscape.Path(UrlModel.RelativeRoot(r.From) + r.To.TrimStart('/')) + r.Suffix
            : UrlModel.PublicPath(model.Config.BaseUrl, r.To) + r.Suffix;
        return new BytesFile(UrlModel.OutputPath(r.From), new Fnv().Add(target).Value, () => Encoding.UTF8.GetBytes(Html(target)));
    });

    private static string Html(string target)
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

/// <summary>The theme's css, js and other assets, under <c>assets/</c>.</summary>
internal sealed class ThemeAssets : IArtifact
{
    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => inputs.Theme.Assets.Select(a => ("assets/" + a.RelativePath, "a theme asset"));

    // The theme is the same for the whole life of a preview: a constant fingerprint.
    public IEnumerable<OutputFile> Files(RenderModel model) => model.Inputs.Theme.Assets.Select(a => new BytesFile("assets/" + a.RelativePath, 0, () => a.Content));
}

/// <summary>A file whose bytes Crosswalk makes without a template.</summary>
internal sealed class BytesFile(string path, ulong fingerprint, Func<byte[]> content) : OutputFile
{
    public override string Path => path;

    // Its fingerprint is given: a preview's edit need not leave it (the theme's stylesheet and scripts, which every
    // reloading page asks for first) until after the reload.
    public override bool ReadsWholeSite => false;

    public override ulong Fingerprint(RenderModel model) => fingerprint;

    public override bool Write(RenderModel model, RenderTarget target)
    {
        target.Sink.Write(path, content());
        return true;
    }
}
