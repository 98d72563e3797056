using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>One criterion a reference expression names, with the span of the token that named it.</summary>
/// <param name="Criterion">The criterion (a group stands for itself; a range or alias yields one per member).</param>
/// <param name="Start">0-based offset of the token in the parsed text; every member of a range or alias shares its token's span.</param>
/// <param name="Length">Length of that token in UTF-16 code units.</param>
/// <param name="Via">The alias that named it (<c>All TSC</c>), or null when the criterion itself or its range was written.</param>
public sealed record ParsedReference(Criterion Criterion, int Start, int Length, string? Via = null);

/// <summary>A problem in a reference expression, located by a span of the parsed text.</summary>
/// <param name="Descriptor">CW3001 unknown ID, CW3002 other catalog, CW3003 malformed, CW3005 withdrawn edition.</param>
/// <param name="Message">What is wrong, naming the offending text.</param>
/// <param name="Help">A did-you-mean or how to fix it, or <see langword="null"/>.</param>
/// <param name="Start">0-based offset of the offending text; always inside the parsed text.</param>
/// <param name="Length">Length of the offending text; <c>Start + Length</c> never exceeds the text's length.</param>
public sealed record ReferenceProblem(DiagnosticDescriptor Descriptor, string Message, string? Help, int Start, int Length)
{
    /// <summary>The descriptor's code.</summary>
    public string Code => Descriptor.Code;

    /// <summary>The descriptor's default severity: error, except CW3005 which is a warning.</summary>
    public Severity Severity => Descriptor.DefaultSeverity;
}

/// <summary>What <see cref="ReferenceParser.Parse"/> found in one cell or front-matter value.</summary>
/// <param name="References">The criteria named, in text order (duplicates kept).</param>
/// <param name="Problems">Errors and warnings, in text order.</param>
/// <param name="IsNone">True for an explicit "no claim": empty, whitespace, <c>N/A</c>, <c>-</c>, <c>–</c> or <c>—</c>.</param>
public sealed record ReferenceParseResult(IReadOnlyList<ParsedReference> References, IReadOnlyList<ReferenceProblem> Problems, bool IsNone)
{
    /// <summary>True when any problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == Severity.Error);

    /// <summary>The distinct criteria named, in first-mention order.</summary>
    public IReadOnlyList<Criterion> Criteria => References.Select(r => r.Criterion).Distinct().ToList();
}
