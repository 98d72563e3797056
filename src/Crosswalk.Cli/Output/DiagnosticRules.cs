using System.Reflection;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Output;

/// <summary>One diagnostic code as a rule of the report formats that describe their rules (SARIF).</summary>
/// <param name="Code">The stable code, e.g. <c>CW2001</c>.</param>
/// <param name="Name">The name of its constant in <see cref="DiagnosticCodes"/>, e.g. <c>MissingPage</c>.</param>
/// <param name="ShortDescription">One line saying what the code means.</param>
/// <param name="DefaultSeverity">The severity Crosswalk reports it with unless configured otherwise.</param>
internal sealed record DiagnosticRule(string Code, string Name, string ShortDescription, Severity DefaultSeverity);

/// <summary>
/// Every code of <see cref="DiagnosticCodes"/>, found by reflection so a new constant becomes a rule
/// without touching this file; the table below only adds descriptions and default severities.
/// </summary>
internal static class DiagnosticRules
{
    private static readonly Dictionary<string, (string Description, Severity Severity)> Descriptions = new(StringComparer.Ordinal)
    {
        [DiagnosticCodes.InvalidConfig] = ("site.yml is invalid (syntax, unknown key, wrong type or bad value).", Severity.Error),
        [DiagnosticCodes.InvalidFrontMatter] = ("Front matter is not valid YAML or not a mapping.", Severity.Error),
        [DiagnosticCodes.InvalidFrontMatterField] = ("A front-matter field has the wrong type or an invalid value.", Severity.Error),
        [DiagnosticCodes.DuplicateUrl] = ("Two pages claim the same URL.", Severity.Error),
        [DiagnosticCodes.UnreadableSource] = ("A source file cannot be read or is not text.", Severity.Error),
        [DiagnosticCodes.MissingPage] = ("A link points to a page that does not exist.", Severity.Error),
        [DiagnosticCodes.MissingAnchor] = ("A link points to an anchor that does not exist on its page.", Severity.Error),
        [DiagnosticCodes.MissingFile] = ("A link points to a static file that does not exist.", Severity.Error),
        [DiagnosticCodes.BrokenRedirect] = ("A redirect's target does not exist, or the redirect loops.", Severity.Error),
        [DiagnosticCodes.OrphanPage] = ("No other page links to this page.", Severity.Warning),
        [DiagnosticCodes.UnknownCriterion] = ("Unknown criterion ID.", Severity.Error),
        [DiagnosticCodes.WrongCatalog] = ("A criterion ID from another catalog than the column's.", Severity.Error),
        [DiagnosticCodes.MalformedReference] = ("Malformed reference expression.", Severity.Error),
        [DiagnosticCodes.CoverageContradiction] = ("A coverage table contradicts the pages' claims.", Severity.Error),
        [DiagnosticCodes.WithdrawnEdition] = ("A reference to a withdrawn edition (e.g. ISO/IEC 27001:2013).", Severity.Warning),
        [DiagnosticCodes.InvalidCatalog] = ("A catalog file is invalid.", Severity.Error),
        [DiagnosticCodes.TemplateError] = ("A template failed to parse or render.", Severity.Error),
        [DiagnosticCodes.OutputError] = ("The output folder cannot be used or written.", Severity.Error),
    };

    private static readonly Lazy<IReadOnlyList<DiagnosticRule>> Known = new(Discover);

    /// <summary>One rule per distinct code in <see cref="DiagnosticCodes"/>, sorted by code.</summary>
    public static IReadOnlyList<DiagnosticRule> All => Known.Value;

    /// <summary>The rule for a code, or a bare rule for a code that is not (yet) a <see cref="DiagnosticCodes"/> constant.</summary>
    public static DiagnosticRule For(string code)
        => All.FirstOrDefault(r => r.Code == code) ?? Describe(code, code);

    private static List<DiagnosticRule> Discover()
        => [.. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Code: (string)f.GetRawConstantValue()!, f.Name))
            .OrderBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .DistinctBy(f => f.Code)
            .Select(f => Describe(f.Code, f.Name))];

    private static DiagnosticRule Describe(string code, string name)
        => Descriptions.TryGetValue(code, out var d)
            ? new DiagnosticRule(code, name, d.Description, d.Severity)
            : new DiagnosticRule(code, name, name, Severity.Warning);
}
