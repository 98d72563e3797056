namespace Crosswalk.Diagnostics;

/// <summary>How serious a diagnostic is. <see cref="Off"/> only appears in severity overrides.</summary>
public enum Severity
{
    /// <summary>Informational; never fails a build.</summary>
    Info,
    /// <summary>Fails the build only with <c>--strict</c>.</summary>
    Warning,
    /// <summary>Fails the build.</summary>
    Error,
    /// <summary>Suppressed by configuration.</summary>
    Off,
}

/// <summary>A 1-based position in a file whose path is relative to the site root, with <c>/</c> separators.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column})";
}

/// <summary>One finding about the site: the only way Core reports content problems.</summary>
/// <remarks>Create one with <see cref="Create"/>, which takes the code and default severity from its descriptor.</remarks>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation? Location, string? Help = null)
{
    /// <summary>A diagnostic of <paramref name="descriptor"/>, with its code and default severity.</summary>
    /// <param name="descriptor">What kind of problem it is: a field of <see cref="DiagnosticDescriptors"/>.</param>
    /// <param name="message">What is wrong here, naming the offending text.</param>
    /// <param name="location">Where, or <see langword="null"/> for a problem of the whole site (a missing site.yml, the output folder).</param>
    /// <param name="help">A fix for this case (a did-you-mean), or <see langword="null"/>.</param>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, string message, SourceLocation? location, string? help = null)
        => new(descriptor.Code, descriptor.DefaultSeverity, message, location, help);

    /// <summary>The lower-case severity word used in every output format.</summary>
    public string SeverityName => Severity.ToString().ToLowerInvariant();

    /// <summary>MSBuild form: <c>file(line,col): error CW2001: message</c>.</summary>
    public override string ToString() => Location is { } l
        ? $"{l}: {SeverityName} {Code}: {Message}"
        : $"{SeverityName} {Code}: {Message}";
}
