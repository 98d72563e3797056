namespace Crosswalk.Diagnostics;

/// <summary>
/// The codes of <see cref="DiagnosticDescriptors"/> as compile-time constants, for code that compares or switches on a
/// <see cref="Diagnostic.Code"/>. The descriptors are the truth (severity, title, help); each constant here has the name
/// and code of its descriptor, which DiagnosticDescriptorsTests checks. Report by descriptor, not by these codes.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary><see cref="DiagnosticDescriptors.InvalidConfig"/>.</summary>
    public const string InvalidConfig = "CW1001";
    /// <summary><see cref="DiagnosticDescriptors.InvalidFrontMatter"/>.</summary>
    public const string InvalidFrontMatter = "CW1002";
    /// <summary><see cref="DiagnosticDescriptors.InvalidFrontMatterField"/>.</summary>
    public const string InvalidFrontMatterField = "CW1003";
    /// <summary><see cref="DiagnosticDescriptors.DuplicateUrl"/>.</summary>
    public const string DuplicateUrl = "CW1004";
    /// <summary><see cref="DiagnosticDescriptors.UnreadableSource"/>.</summary>
    public const string UnreadableSource = "CW1005";
    /// <summary><see cref="DiagnosticDescriptors.SymlinkNotFollowed"/>.</summary>
    public const string SymlinkNotFollowed = "CW1006";
    /// <summary><see cref="DiagnosticDescriptors.UnknownFrontMatterKey"/>.</summary>
    public const string UnknownFrontMatterKey = "CW1007";
    /// <summary><see cref="DiagnosticDescriptors.ReviewOverdue"/>.</summary>
    public const string ReviewOverdue = "CW1008";
    /// <summary><see cref="DiagnosticDescriptors.ReviewDueSoon"/>.</summary>
    public const string ReviewDueSoon = "CW1009";
    /// <summary><see cref="DiagnosticDescriptors.MissingRequiredField"/>.</summary>
    public const string MissingRequiredField = "CW1010";
    /// <summary><see cref="DiagnosticDescriptors.HistoryUnavailable"/>.</summary>
    public const string HistoryUnavailable = "CW1011";

    /// <summary><see cref="DiagnosticDescriptors.GeneratorConfig"/>.</summary>
    public const string GeneratorConfig = "CW1012";
    /// <summary><see cref="DiagnosticDescriptors.FrontMatterReadAsText"/>.</summary>
    public const string FrontMatterReadAsText = "CW1013";
    /// <summary><see cref="DiagnosticDescriptors.UnpublishableName"/>.</summary>
    public const string UnpublishableName = "CW1014";
    /// <summary><see cref="DiagnosticDescriptors.MissingPage"/>.</summary>
    public const string MissingPage = "CW2001";
    /// <summary><see cref="DiagnosticDescriptors.MissingAnchor"/>.</summary>
    public const string MissingAnchor = "CW2002";
    /// <summary><see cref="DiagnosticDescriptors.MissingFile"/>.</summary>
    public const string MissingFile = "CW2003";
    /// <summary><see cref="DiagnosticDescriptors.BrokenRedirect"/>.</summary>
    public const string BrokenRedirect = "CW2004";
    /// <summary><see cref="DiagnosticDescriptors.OrphanPage"/>.</summary>
    public const string OrphanPage = "CW2005";

    /// <summary><see cref="DiagnosticDescriptors.UnknownCriterion"/>.</summary>
    public const string UnknownCriterion = "CW3001";
    /// <summary><see cref="DiagnosticDescriptors.WrongCatalog"/>.</summary>
    public const string WrongCatalog = "CW3002";
    /// <summary><see cref="DiagnosticDescriptors.MalformedReference"/>.</summary>
    public const string MalformedReference = "CW3003";
    /// <summary><see cref="DiagnosticDescriptors.CoverageContradiction"/>.</summary>
    public const string CoverageContradiction = "CW3004";
    /// <summary><see cref="DiagnosticDescriptors.WithdrawnEdition"/>.</summary>
    public const string WithdrawnEdition = "CW3005";
    /// <summary><see cref="DiagnosticDescriptors.InvalidCatalog"/>.</summary>
    public const string InvalidCatalog = "CW3006";
    /// <summary><see cref="DiagnosticDescriptors.UnknownCatalog"/>.</summary>
    public const string UnknownCatalog = "CW3007";
    /// <summary><see cref="DiagnosticDescriptors.CoverageLost"/>.</summary>
    public const string CoverageLost = "CW3008";
    /// <summary><see cref="DiagnosticDescriptors.OnlyInherited"/>.</summary>
    public const string OnlyInherited = "CW3009";

    /// <summary><see cref="DiagnosticDescriptors.TemplateError"/>.</summary>
    public const string TemplateError = "CW4001";
    /// <summary><see cref="DiagnosticDescriptors.UnprocessablePage"/>.</summary>
    public const string UnprocessablePage = "CW4002";

    /// <summary><see cref="DiagnosticDescriptors.LayoutFallback"/>.</summary>
    public const string LayoutFallback = "CW4003";
    /// <summary><see cref="DiagnosticDescriptors.OutputError"/>.</summary>
    public const string OutputError = "CW5001";
    /// <summary><see cref="DiagnosticDescriptors.SitemapWithoutSiteUrl"/>.</summary>
    public const string SitemapWithoutSiteUrl = "CW5002";
}
