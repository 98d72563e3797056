using System.Text;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Pipeline;

namespace Crosswalk.Output;

/// <summary>sitemap.xml: every page's URL, in order; absolute when site.yml sets <c>site_url</c>.</summary>
internal sealed class Sitemap : IArtifact
{
    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => [("sitemap.xml", "the sitemap")];

    public IEnumerable<OutputFile> Files(RenderModel model) => [new SitemapFile()];

    /// <summary>The absolute URL of a site path (<c>site_url</c> + <c>base_url</c> + path, percent-encoded), or null without <c>site_url</c>.</summary>
    public static string? AbsoluteUrl(SiteConfig config, string path) =>
        config.SiteUrl is { } origin ? HtmlEscape.Url(origin) + UrlModel.PublicPath(config.BaseUrl, path) : null;

    private sealed class SitemapFile : OutputFile
    {
        public override string Path => "sitemap.xml";

        // The claims decide how many pages of claims a criterion has.
        public override ulong Fingerprint(RenderModel model) => new Fnv().Add(model.Signatures.Structure).Add(model.Signatures.Claims).Value;

        public override bool Write(RenderModel model, RenderTarget target)
        {
            // Written by the file, not when the config is read, so check (which writes every file to nowhere) and build
            // report it alike. A preview is not crawled and is spared it, as is a tree checked without a site.yml of its
            // own (a generator's profile): there is no site.yml to say it at.
            if (model.Config.SiteUrl is null && !model.LiveReload && File.Exists(model.Config.ConfigPath))
            {
                var file = System.IO.Path.GetRelativePath(model.Config.RootDirectory, model.Config.ConfigPath).Replace('\\', '/');
                target.Diagnostics.Report(DiagnosticDescriptors.SitemapWithoutSiteUrl,
                    "sitemap.xml holds paths rather than absolute URLs, and canonical links are paths too: site_url is not set in site.yml",
                    new SourceLocation(file, 1, 1), "set site_url, e.g. site_url: https://docs.example.com");
            }
            target.Sink.Write(Path, Build(model));
            return true;
        }

        private static byte[] Build(RenderModel model)
        {
            var generated = CriteriaPages.Urls(model.Claims.Catalogs).Concat(model.CriteriaPages.NumberedClaimsPages());
            if (ReviewsPage.Url(model.Config, model.Site.Pages) is { } reviews)
            {
                generated = generated.Append(reviews);
            }
            var sb = new StringBuilder();
            sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            sb.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            foreach (var url in model.Site.Pages.Select(p => p.Url).Concat(generated).Order(StringComparer.Ordinal))
            {
                sb.Append("  <url><loc>").Append(AbsoluteUrl(model.Config, url) ?? UrlModel.PublicPath(model.Config.BaseUrl, url)).Append("</loc></url>\n");
            }
            sb.Append("</urlset>\n");
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
    }
}

/// <summary>
/// robots.txt: lets every crawler in and names the sitemap when <c>site_url</c> gives its absolute URL. A robots.txt
/// of the site's own (a static file, or a page with that permalink) wins: this one is then not written, and its path
/// is not reserved, so the site's is no conflict.
/// </summary>
internal sealed class RobotsTxt : IArtifact
{
    public const string FileName = "robots.txt";

    public IEnumerable<OutputFile> Files(RenderModel model) =>
        SiteHasOwn(model.Site.Taken) ? [] : [new BytesFile(FileName, 0, () => Encoding.UTF8.GetBytes(Text(model.Config)))];

    // The answer for each site's paths: the preview asks again on every edit with the paths of the last index.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyDictionary<string, string>, object> Owned = [];

    // Its own file, or a folder of that name (a page at /robots.txt/): either is the site's to keep.
    private static bool SiteHasOwn(IReadOnlyDictionary<string, string> taken) =>
        (bool)Owned.GetValue(taken, static t => t.ContainsKey(FileName) || t.Keys.Any(k => k.StartsWith(FileName + "/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The file's text.</summary>
    public static string Text(SiteConfig config) =>
        "User-agent: *\nAllow: /\n" + (Sitemap.AbsoluteUrl(config, "/sitemap.xml") is { } sitemap ? $"\nSitemap: {sitemap}\n" : "");
}
