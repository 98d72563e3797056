using Crosswalk.Content;
using Crosswalk.Criteria;

namespace Crosswalk.Pipeline;

/// <summary>The resolved site without output: what <c>criteria</c> and <c>coverage</c> report on.</summary>
/// <param name="Result">Diagnostics and counts.</param>
/// <param name="Catalogs">Every loaded catalog (null when site.yml was unusable).</param>
/// <param name="Configured">The catalogs named in site.yml, in its order.</param>
/// <param name="Claims">Every claim.</param>
/// <param name="Pages">The pages.</param>
public sealed record SiteAnalysis(BuildResult Result, CatalogSet? Catalogs, IReadOnlyList<Catalog> Configured, ClaimSet Claims, IReadOnlyList<ParsedPage> Pages)
{
    /// <summary>Every controlled document with its review state on the analysis' day, sorted by due date.</summary>
    public IReadOnlyList<ReviewRow> Reviews { get; init; } = [];

    /// <summary>The day reviews were judged against.</summary>
    public DateOnly Today { get; init; }

    /// <summary>The site's configuration (null when site.yml was unusable).</summary>
    public Config.SiteConfig? Config { get; init; }
}
