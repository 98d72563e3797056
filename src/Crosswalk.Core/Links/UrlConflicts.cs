using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Links;

/// <summary>Where pages and static files land in the output, once two of them (or one and a generated file) would meet.</summary>
/// <param name="Pages">The pages kept, in their order.</param>
/// <param name="Statics">The static files kept, in their order.</param>
/// <param name="Taken">Every output path placed, ignoring case, with a description of its owner.</param>
public sealed record OutputPlacement(IReadOnlyList<ParsedPage> Pages, IReadOnlyList<SourceFile> Statics, IReadOnlyDictionary<string, string> Taken);

/// <summary>
/// The rules for URLs and output paths that collide (CW1004). Pure: the losers are reported and left out, so links keep
/// resolving to the page that naturally owns a URL and no output file silently overwrites another.
/// </summary>
public static class UrlConflicts
{
    /// <summary>
    /// Pages whose URLs are equal ignoring case: the page whose own path gives the URL keeps it; else one without a
    /// permalink; else the first in path order.
    /// </summary>
    public static IReadOnlyList<ParsedPage> RemoveDuplicateUrls(IReadOnlyList<ParsedPage> pages, DiagnosticBag report, Config.Profiles.UrlRules? rules = null)
    {
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
            report.Report(DiagnosticDescriptors.DuplicateUrl,
                sameCase
                    ? $"URL '{drop.Url}' is claimed by both '{drop.Source.DisplayPath}' and '{keep.Source.DisplayPath}'"
                    : $"URL '{drop.Url}' of '{drop.Source.DisplayPath}' differs only in letter case from '{keep.Url}' of '{keep.Source.DisplayPath}'",
                drop.Meta.PermalinkLocation ?? new SourceLocation(drop.Source.DisplayPath, 1, 1),
                "give one of them a different permalink");
        }
        return dropped.Count == 0 ? pages : pages.Where(p => !dropped.Contains(p)).ToList();

        // The page at the URL its path gives (by the profile's rules, no slug or id) keeps it over one that claims it.
        int Rank(ParsedPage p) =>
            PageUrls.Of(p.Source.RelativePath, new PageMeta(), rules ?? new()) == p.Url ? 2 : p.Meta.PermalinkLocation is null ? 1 : 0;
    }

    /// <summary>
    /// Places pages, then static files, after the paths Crosswalk's own outputs reserved. A page or file on a reserved
    /// path, a static file on a page's output, and a static file named like a folder the site needs are CW1004 and left
    /// out. Compared ignoring case, as a case-insensitive file system would.
    /// </summary>
    public static OutputPlacement Place(IReadOnlyList<ParsedPage> pages, IReadOnlyList<SourceFile> statics,
        IEnumerable<(string Path, string Owner)> reserved, DiagnosticBag report)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, owner) in reserved)
        {
            if (!taken.TryAdd(path, owner) && taken[path] != owner)
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"{owner} and {taken[path]} would both be written to '{path}'", null,
                    "move one of them (reviews.page in site.yml, for instance)");
            }
        }
        // A folder that holds some output cannot also be a file (a static `LICENSE` next to a page at `/LICENSE/`), nor
        // can a file be where a folder of another output must be (a static `sitemap.xml/a.txt`, a page at `/404.html/`).
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in taken.Keys)
        {
            folders.UnionWith(Folders(output));
        }
        var keptPages = new List<ParsedPage>(pages.Count);
        foreach (var page in pages)
        {
            var output = page.OutputPath;
            var location = page.Meta.PermalinkLocation ?? new SourceLocation(page.Source.DisplayPath, 1, 1);
            if (taken.TryGetValue(output, out var owner))
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"URL '{page.Url}' is the output of {owner} ('{output}')",
                    location, "give the page another permalink");
                continue;
            }
            if (FileInTheWay(output, taken) is var (folder, other))
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"URL '{page.Url}' needs the folder '{folder}', which is the output of {other}",
                    location, "give the page another permalink");
                continue;
            }
            if (folders.Contains(output))
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"URL '{page.Url}' would write the file '{output}', which must be a folder for other pages",
                    location, "give the page another permalink");
                continue;
            }
            taken[output] = $"page '{page.Source.DisplayPath}'";
            folders.UnionWith(Folders(output));
            keptPages.Add(page);
        }
        var keptStatics = new List<SourceFile>(statics.Count);
        foreach (var file in statics)
        {
            var location = new SourceLocation(file.DisplayPath, 1, 1);
            if (folders.Contains(file.RelativePath))
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"file '{file.RelativePath}' has the name of a folder the site needs for its pages",
                    location, "rename the file or give the page another permalink");
                continue;
            }
            if (taken.TryGetValue(file.RelativePath, out var owner))
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"file '{file.RelativePath}' would overwrite {owner}",
                    location, "rename or move the file; theme assets are overridden in the templates folder");
                continue;
            }
            if (FileInTheWay(file.RelativePath, taken) is var (folder, other))
            {
                report.Report(DiagnosticDescriptors.DuplicateUrl, $"file '{file.RelativePath}' needs the folder '{folder}', which is {other}",
                    location, "rename or move one of them");
                continue;
            }
            taken[file.RelativePath] = $"file '{file.DisplayPath}'";
            folders.UnionWith(Folders(file.RelativePath));
            keptStatics.Add(file);
        }
        return new OutputPlacement(keptPages, keptStatics, taken);
    }

    /// <summary>The folders an output path lies in, innermost first: <c>a/b/c.html</c> gives <c>a/b</c>, <c>a</c>.</summary>
    public static IEnumerable<string> Folders(string output)
    {
        for (var slash = output.LastIndexOf('/'); slash > 0; slash = output.LastIndexOf('/', slash - 1))
        {
            yield return output[..slash];
        }
    }

    /// <summary>A folder of <paramref name="output"/> that is already an output file, with that file's owner.</summary>
    public static (string Folder, string Owner)? FileInTheWay(string output, IReadOnlyDictionary<string, string> taken)
    {
        foreach (var folder in Folders(output))
        {
            if (taken.TryGetValue(folder, out var owner))
            {
                return (folder, owner);
            }
        }
        return null;
    }
}
