using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;

namespace Crosswalk.Tests.Support;

/// <summary>Parses in-memory pages the way the pipeline does.</summary>
public static class Pages
{
    public static readonly LinkPlaceholders Placeholders = new("test");
    private static readonly Markdig.MarkdownPipeline s_pipeline = MarkdownPipelineFactory.Create();

    public static ParsedPage Parse(string relativePath, string text, DiagnosticBag? diagnostics = null)
    {
        var source = new SourceFile("/site/content/" + relativePath, relativePath, "content/" + relativePath, SourceKind.Page);
        return new PageParser(s_pipeline, Placeholders).Parse(source, text, diagnostics ?? new DiagnosticBag());
    }
}

/// <summary>What tests read of a parsed page.</summary>
public static class ParsedPageExtensions
{
    extension(ParsedPage page)
    {
        /// <summary>The body HTML as text, link placeholders left in.</summary>
        public string BodyHtml => System.Text.Encoding.UTF8.GetString(page.BodyUtf8);
    }
}
