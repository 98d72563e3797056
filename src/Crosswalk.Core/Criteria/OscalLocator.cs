using System.Text.Json;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>
/// Turns byte offsets of an OSCAL JSON file into 1-based lines and columns (columns count characters, as for YAML) and
/// reports CW3006 there; stops after <see cref="MaxErrors"/>, since a file that wrong is not worth reading on.
/// </summary>
internal sealed class OscalLocator(ReadOnlyMemory<byte> json, string file, DiagnosticBag diagnostics)
{
    private const int MaxErrors = 50;
    private int[]? _lineStarts;
    private int _errors;

    public string File => file;

    public SourceLocation At(long offset)
    {
        var starts = _lineStarts ??= LineStarts(json.Span);
        var clamped = (int)Math.Clamp(offset, 0, json.Length);
        var line = Array.BinarySearch(starts, clamped);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SourceLocation(file, line + 1, Column(starts[line], clamped));
    }

    public void Error(long offset, string message) => Report(At(offset), message);

    public void Error(JsonException ex)
    {
        // The reader counts lines from 0 and bytes within the line; the message repeats them, which the location says.
        var starts = _lineStarts ??= LineStarts(json.Span);
        var line = (int)Math.Clamp(ex.LineNumber ?? 0, 0, starts.Length - 1);
        var end = (int)Math.Clamp(starts[line] + (ex.BytePositionInLine ?? 0), 0, json.Length);
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        Report(new SourceLocation(file, line + 1, Column(starts[line], end)), $"invalid JSON: {message.TrimEnd()}");
    }

    private void Report(SourceLocation location, string message)
    {
        if (_errors++ < MaxErrors)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidCatalog, message, location);
        }
        else if (_errors == MaxErrors + 1)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidCatalog, $"more than {MaxErrors} problems; the rest are not reported", location);
        }
    }

    private int Column(int lineStart, int offset)
    {
        // Characters, not bytes: a UTF-8 continuation byte does not start one.
        var column = 1;
        foreach (var b in json.Span[lineStart..offset])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return column;
    }

    private static int[] LineStarts(ReadOnlySpan<byte> bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = bytes.IndexOf((byte)'\n'); i >= 0;)
        {
            starts.Add(i + 1);
            var next = bytes[(i + 1)..].IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return [.. starts];
    }
}
