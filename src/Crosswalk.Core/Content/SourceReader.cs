using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>Reads a page as strict UTF-8 text; binary files and invalid UTF-8 are CW1005 at the first bad byte.</summary>
public static class SourceReader
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the text, or null after reporting why the file cannot be used.</summary>
    public static string? Read(SourceFile file, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.UnreadableSource, Severity.Error, $"cannot read file: {ex.Message}", new SourceLocation(file.DisplayPath, 1, 1));
            return null;
        }
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            diagnostics.Report(DiagnosticCodes.UnreadableSource, Severity.Error, "file is binary (contains a NUL byte), not Markdown text",
                At(file, bytes, nul));
            return null;
        }
        try
        {
            return s_strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Report(DiagnosticCodes.UnreadableSource, Severity.Error, "file is not valid UTF-8",
                At(file, bytes, Math.Max(0, ex.Index)), "save the file as UTF-8");
            return null;
        }
    }

    private static SourceLocation At(SourceFile file, byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        // Column counts characters of the valid prefix of the line.
        var column = s_lenient.GetCharCount(bytes, lineStart, Math.Max(0, offset - lineStart)) + 1;
        return new SourceLocation(file.DisplayPath, line, column);
    }

    private static readonly UTF8Encoding s_lenient = new(false, false);
}
