using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;

namespace Crosswalk.Pipeline;

/// <summary>
/// What one build leaves for the next when previewing: parsed pages by file stamp and rendered pages by their inputs,
/// so a rebuild re-parses only changed files and re-renders only pages whose inputs changed.
/// </summary>
internal sealed class IncrementalState
{
    /// <summary>The placeholders the cached bodies were written with; reused so cached pages stay valid.</summary>
    public LinkPlaceholders Placeholders { get; } = LinkPlaceholders.CreateRandom();

    /// <summary>Parsed pages by absolute path.</summary>
    public Dictionary<string, ParseEntry> Parsed { get; } = new(StringComparer.Ordinal);

    /// <summary>Rendered content pages by output path.</summary>
    public Dictionary<string, RenderEntry> Rendered { get; } = new(StringComparer.Ordinal);

    /// <summary>Signature of the inputs of the generated criteria pages last rendered.</summary>
    public ulong? GeneratedSignature { get; set; }

    /// <summary>Content pages rendered by the last build (the rest were reused).</summary>
    public int LastRenderedPages { get; set; }
}

/// <summary>A parsed page with the file stamp it was read at and the diagnostics parsing produced.</summary>
internal sealed record ParseEntry(long Length, DateTime LastWriteUtc, ParsedPage? Page, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A rendered page: the inputs it was rendered from and the ids of its HTML.</summary>
internal sealed record RenderEntry(ParsedPage Page, ulong Signature, IReadOnlySet<string> Ids);
