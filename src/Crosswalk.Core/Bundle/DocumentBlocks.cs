using Crosswalk.Bundle.Layout;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Bundle;

/// <summary>
/// One document as the binder prints it: its title, its document-control block (owner, version, approvals, review
/// dates) and its body, read again from its Markdown file. Images are embedded only when they are local PNG or JPEG
/// files inside the source folder.
/// </summary>
internal sealed class DocumentBlocks(SiteConfig config, DateOnly date)
{
    private const long MaxImageBytes = 16L << 20;
    // The body is split from the front matter as the build split it: fenced or YAML-first, with the site's own keys.
    private readonly FrontMatterSchema _schema = FrontMatterSchema.BuiltIn.WithSiteKeys(config.FrontMatter);
    private readonly string _sourceFolder = config.SourceDirectory;

    /// <summary>The blocks of <paramref name="page"/>, starting on a new page with its title.</summary>
    public List<Block> Of(ParsedPage page)
    {
        var blocks = new List<Block> { new PageBreakBlock(), new HeadingBlock(1, page.Title) };
        if (page.Meta.Summary is { } summary)
        {
            blocks.Add(new ParagraphBlock([new Run(summary, RunStyle.Italic)]));
        }
        blocks.Add(Control(page));
        var text = SourceReader.Read(page.Source, new DiagnosticBag());
        if (text is not null)
        {
            var body = FrontMatterReader.Read(text, page.Source.DisplayPath, new DiagnosticBag(), _schema, config.FrontMatterStyle).Body;
            var folder = Path.GetDirectoryName(page.Source.FullPath) ?? _sourceFolder;
            blocks.AddRange(new MarkdownBlocks(url => Image(url, folder)).Convert(body, skipTitle: page.HasH1));
        }
        return blocks;
    }

    /// <summary>The document-control facts as a two-column table; revision history needs git, which the bundle does not run.</summary>
    private TableBlock Control(ParsedPage page)
    {
        var meta = page.Meta;
        var rows = new List<(string, string)>
        {
            ("Source", page.Source.DisplayPath),
            ("Address", page.Url),
        };
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                rows.Add((label, value));
            }
        }
        Add("Document type", meta.DocumentType?.ToString());
        Add("Owner", meta.Owner);
        Add("Version", meta.Version is { } v ? v + (meta.Change is { } c ? $" ({c.ToString().ToLowerInvariant()} change)" : "") : null);
        foreach (var a in meta.Approvals)
        {
            Add("Approved", string.Join(", ", new[] { a.By + (a.Role is null ? "" : $" ({a.Role})"), IsoDate.Format(a.On), a.Version is null ? null : "version " + a.Version }
                .Where(s => s is not null)));
        }
        Add("Last reviewed", IsoDate.Format(meta.LastReviewed));
        Add("Review every", meta.ReviewEvery?.ToString());
        var review = ReviewState.Of(meta, date, config.Reviews.WarnDays);
        Add("Next review", review.Due is { } due ? $"{IsoDate.Format(due)} ({review.Label} on {IsoDate.Format(date)})" : null);
        if (!meta.IsControlled)
        {
            rows.Add(("Control", "no document-control front matter (owner, version, approvals, review dates)"));
        }
        return new TableBlock([], [.. rows.Select(r => (IReadOnlyList<IReadOnlyList<Run>>)[[new Run(r.Item1, RunStyle.Bold)], [new Run(r.Item2)]])], [1, 3]);
    }

    /// <summary>The bytes of a local PNG or JPEG image the page shows, or null (remote, missing, outside the source folder, other formats).</summary>
    private byte[]? Image(string url, string pageFolder)
    {
        if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal) || url.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }
        var path = Uri.UnescapeDataString(url.Split('#', '?')[0]);
        var full = Path.GetFullPath(path.StartsWith('/') ? Path.Join(_sourceFolder, path) : Path.Join(pageFolder, path));
        if (Path.GetExtension(full).ToLowerInvariant() is not (".png" or ".jpg" or ".jpeg"))
        {
            return null;
        }
        try
        {
            var file = new FileInfo(full);
            // A link is judged by where it leads: an image may not bring in a file from outside the source folder.
            var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists || target.Length > MaxImageBytes || !FolderPaths.IsSameOrInside(_sourceFolder, full)
                || !FolderPaths.IsSameOrInside(_sourceFolder, target.FullName))
            {
                return null;
            }
            var data = File.ReadAllBytes(target.FullName);
            return ImageSize.Of(data) is not null ? data : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
