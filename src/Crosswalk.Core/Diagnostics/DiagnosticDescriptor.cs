namespace Crosswalk.Diagnostics;

/// <summary>
/// What one diagnostic code means, defined once in <see cref="DiagnosticDescriptors"/>: every report names a descriptor,
/// so a code has exactly one default severity, and every output format describes it the same way.
/// </summary>
/// <param name="Code">The stable code, e.g. <c>CW2001</c>: scripts and site.yml's <c>severity:</c> use it.</param>
/// <param name="Name">A PascalCase identifier, e.g. <c>MissingPage</c>: the field's name in <see cref="DiagnosticDescriptors"/> and SARIF's rule name.</param>
/// <param name="DefaultSeverity">The severity it is reported with unless site.yml's <c>severity:</c> overrides it.</param>
/// <param name="Title">One sentence saying what is wrong, e.g. "A link points to a page that does not exist." (SARIF's shortDescription).</param>
/// <param name="Description">When Crosswalk reports it, in full (SARIF's fullDescription).</param>
/// <param name="HelpText">How to fix it in general; a diagnostic's own help (a did-you-mean) is more specific (SARIF's help).</param>
public sealed record DiagnosticDescriptor(string Code, string Name, Severity DefaultSeverity, string Title, string Description, string HelpText)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}";
}
