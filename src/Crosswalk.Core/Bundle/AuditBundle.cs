using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crosswalk.Bundle.Layout;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Bundle;

/// <summary>
/// <c>crosswalk bundle</c>: what an audit hands over, as files. Per catalog a PDF binder of the documents, with their
/// document-control facts, a criterion index and the coverage matrix; coverage.csv and claims.csv; and
/// MANIFEST.sha256, which names every file with its hash, the commit and the date. Nothing depends on the clock or on
/// a process: the same site, commit and date give the same bytes.
/// </summary>
public static class AuditBundle
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "MANIFEST.sha256";

    /// <summary>
    /// The bundle of <paramref name="analysis"/>: a binder per catalog of <paramref name="catalogs"/>, or one for the
    /// whole site when it is empty. <paramref name="commit"/> is null outside git.
    /// </summary>
    public static IReadOnlyList<ExportedFile> Create(SiteAnalysis analysis, IReadOnlyList<Catalog> catalogs, DateOnly date, string? commit)
    {
        var config = analysis.Config ?? throw new ArgumentException("the site's configuration is unusable", nameof(analysis));
        var claims = analysis.Claims;
        var files = new List<ExportedFile>();
        var blocks = new DocumentBlocks(config, date);
        using var metrics = new TextMetrics();
        var binders = catalogs.Count > 0
            ? catalogs.Select(c => (File: c.Id + ".pdf", Name: c.Name, Catalogs: (IReadOnlyList<Catalog>)[c]))
            : [("site.pdf", "whole site", [.. claims.All.Select(c => c.Criterion.Catalog).Distinct().OrderBy(c => c.Id, StringComparer.Ordinal)])];
        foreach (var (file, name, indexed) in binders)
        {
            var content = new BinderContent(config.Title, name, indexed, Documents(analysis.Pages, claims, indexed), claims, commit, date);
            files.Add(new ExportedFile(file, new BinderBook(metrics, content, blocks.Of).Pdf()));
        }
        var reported = catalogs.Count > 0 ? catalogs : [.. claims.All.Select(c => c.Criterion.Catalog).Distinct().OrderBy(c => c.Id, StringComparer.Ordinal)];
        files.Add(new ExportedFile("coverage.csv", Encoding.UTF8.GetBytes(CoverageCsv.Write(CoverageSnapshot.Of(reported, claims)))));
        files.Add(new ExportedFile("claims.csv", Encoding.UTF8.GetBytes(ClaimsCsv(reported, claims))));
        files.Add(new ExportedFile(ManifestName, Encoding.UTF8.GetBytes(Manifest(files, commit, date))));
        return files;
    }

    /// <summary>
    /// The documents of a binder, in site order: every controlled document (with document-control front matter), and
    /// every other page that claims a criterion of <paramref name="catalogs"/>, so a site without document control
    /// still hands over what its claims rest on.
    /// </summary>
    internal static IReadOnlyList<ParsedPage> Documents(IReadOnlyList<ParsedPage> pages, ClaimSet claims, IReadOnlyList<Catalog> catalogs)
    {
        var indexed = catalogs.ToHashSet();
        return [.. pages.Where(p => p.Meta.IsControlled || claims.Of(p).Any(c => indexed.Contains(c.Criterion.Catalog)))];
    }

    /// <summary>
    /// One line per document and criterion it covers: claimed directly, or inherited through a group or an alias (a
    /// claim of CC6 covers CC6.1), with the file and line where the claim is written.
    /// </summary>
    internal static string ClaimsCsv(IReadOnlyList<Catalog> catalogs, ClaimSet claims)
    {
        var sb = new StringBuilder("document,source,catalog,criterion,claim,how,claim_file,claim_line\n");
        foreach (var criterion in catalogs.SelectMany(c => c.Criteria))
        {
            var seen = new HashSet<(ParsedPage, string, int)>();
            foreach (var claim in claims.Covering(criterion).OrderBy(c => claims.TitleRank(c.Page)).ThenBy(c => c.Page.Url, StringComparer.Ordinal))
            {
                if (seen.Add((claim.Page, claim.Location.File, claim.Location.Line)))
                {
                    sb.Append(CsvText.Line([claim.Page.Title, claim.Page.Source.DisplayPath, criterion.Catalog.Id, criterion.Id,
                        claim.IsDirectFor(criterion) ? "direct" : "inherited", claim.HowFor(criterion), claim.Location.File,
                        claim.Location.Line.ToString(CultureInfo.InvariantCulture)]));
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>sha256sum's format ("hash, two spaces, name"); the commit and the date on comment lines, which <c>sha256sum -c</c> skips.</summary>
    internal static string Manifest(IEnumerable<ExportedFile> files, string? commit, DateOnly date)
    {
        var sb = new StringBuilder();
        sb.Append("# crosswalk bundle\n# commit: ").Append(commit ?? "not in git").Append("\n# date: ")
          .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            sb.Append(Convert.ToHexStringLower(SHA256.HashData(file.Content))).Append("  ").Append(file.Name).Append('\n');
        }
        return sb.ToString();
    }
}
