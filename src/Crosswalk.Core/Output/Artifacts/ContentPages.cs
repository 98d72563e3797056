using System.Text;
using Crosswalk.Content;
using Crosswalk.Markdown;
using Crosswalk.Pipeline;
using Crosswalk.Templates;

namespace Crosswalk.Output;

/// <summary>A page per Markdown file, put into its layout. Its paths are placed by the Index stage, not reserved.</summary>
internal sealed class ContentPages : IArtifact
{
    public IEnumerable<OutputFile> Files(RenderModel model) => (model.OnlyPages ?? model.Site.Pages).Select(p => new ContentPageFile(p));
}

/// <summary>One content page.</summary>
internal sealed class ContentPageFile(ParsedPage page) : OutputFile
{
    public override string Path => page.OutputPath;

    public override ParsedPage Page => page;

    // The page's criteria box: read by the preview's fingerprint and by the render, made once.
    private IReadOnlyList<CriterionLink>? _criteria;

    private IReadOnlyList<CriterionLink> Criteria(RenderModel model) => _criteria ??= model.CriteriaPages.LinksFor(page);

    // Made from what the template variables declare they read (TemplateVariables.PageInputs).
    public override ulong Fingerprint(RenderModel model)
    {
        var inputs = TemplateVariables.PageInputs;
        var f = new Fnv();
        if (inputs.HasFlag(TemplateInput.Links))
        {
            foreach (var href in model.Links.Links[page].Hrefs)
            {
                f.Add(href);
            }
        }
        if (inputs.HasFlag(TemplateInput.PageClaims))
        {
            foreach (var c in Criteria(model))
            {
                f.Add(c.Url).Add(c.Title);
            }
        }
        if (inputs.HasFlag(TemplateInput.Structure))
        {
            f.Add(model.Signatures.Structure);
        }
        if (inputs.HasFlag(TemplateInput.AllClaims))
        {
            f.Add(model.Signatures.Claims);
        }
        return f.Value;
    }

    public override bool Write(RenderModel model, RenderTarget target)
    {
        var buffer = target.Buffer();
        var bodies = model.TemplateIdsNeeded?.Contains(page) != false ? new List<Range>() : null;
        var view = model.ViewFor(page, Criteria(model));
        if (!model.Renderer.Render(view, buffer, target.Diagnostics, model.LiveReload, bodies))
        {
            // No ids of an earlier render may stand for it.
            target.TemplateIds.Remove(page.Url);
            return false;
        }
        if (bodies is not null)
        {
            target.TemplateIds.Set(page.Url, TemplateOnly(buffer.WrittenSpan, bodies, page));
        }
        target.WritePage(model, Path, view, buffer);
        return true;
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
}
