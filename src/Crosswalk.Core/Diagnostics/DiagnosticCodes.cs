namespace Crosswalk.Diagnostics;

/// <summary>
/// Every diagnostic code Crosswalk emits. The numbers are stable: scripts and severity overrides use them.
/// Ranges: CW1xxx config and front matter, CW2xxx links and anchors, CW3xxx criteria and mappings,
/// CW4xxx templates and rendering, CW5xxx output and I/O.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>site.yml is invalid (syntax, unknown key, wrong type, bad value).</summary>
    public const string InvalidConfig = "CW1001";
    /// <summary>Front matter is not valid YAML or not a mapping.</summary>
    public const string InvalidFrontMatter = "CW1002";
    /// <summary>A front-matter field has the wrong type or an invalid value (e.g. a permalink without a leading slash).</summary>
    public const string InvalidFrontMatterField = "CW1003";
    /// <summary>Two pages claim the same URL.</summary>
    public const string DuplicateUrl = "CW1004";
    /// <summary>A source file cannot be read or is not text.</summary>
    public const string UnreadableSource = "CW1005";

    /// <summary>A link points to a page that does not exist.</summary>
    public const string MissingPage = "CW2001";
    /// <summary>A link points to an anchor that does not exist on its page.</summary>
    public const string MissingAnchor = "CW2002";
    /// <summary>A link points to a static file that does not exist.</summary>
    public const string MissingFile = "CW2003";

    /// <summary>A redirect whose target does not exist, or that loops.</summary>
    public const string BrokenRedirect = "CW2004";
    /// <summary>A page that no other page links to.</summary>
    public const string OrphanPage = "CW2005";

    /// <summary>Unknown criterion ID.</summary>
    public const string UnknownCriterion = "CW3001";
    /// <summary>A criterion ID from another catalog than the column's.</summary>
    public const string WrongCatalog = "CW3002";
    /// <summary>Malformed reference expression.</summary>
    public const string MalformedReference = "CW3003";
    /// <summary>A coverage table contradicts the claims.</summary>
    public const string CoverageContradiction = "CW3004";
    /// <summary>A reference to a withdrawn edition (ISO/IEC 27001:2013) with its successor.</summary>
    public const string WithdrawnEdition = "CW3005";
    /// <summary>A catalog file is invalid.</summary>
    public const string InvalidCatalog = "CW3006";

    /// <summary>A catalog id (in front matter or a site.yml rule) that is not loaded.</summary>
    public const string UnknownCatalog = "CW3007";

    /// <summary>A template failed to parse or render.</summary>
    public const string TemplateError = "CW4001";
    /// <summary>A page's Markdown cannot be processed (nested too deeply, too large): the page is left out.</summary>
    public const string UnprocessablePage = "CW4002";

    /// <summary>The output folder cannot be used or written.</summary>
    public const string OutputError = "CW5001";
}
