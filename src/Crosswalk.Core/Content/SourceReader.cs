using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>Reads a page as strict UTF-8 text; binary files and invalid UTF-8 are CW1005 at the first bad byte.</summary>
public static class SourceReader
{
    /// <summary>Pages larger than this are refused (CW4002): no policy document is this long, and the cost would be unbounded.</summary>
    public const int MaxPageBytes = 5 * 1024 * 1024;

    /// <summary>Lines indented deeper than this many columns (or quoted deeper than <see cref="MaxQuoteDepth"/>) are refused.</summary>
    public const int MaxIndent = 256;

    /// <summary>Deepest blockquote nesting accepted.</summary>
    public const int MaxQuoteDepth = 32;

    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the text, or null after reporting why the file cannot be used.</summary>
    public static string? Read(SourceFile file, DiagnosticBag diagnostics) => Read(file, diagnostics, bytes => Decode(file, bytes, diagnostics));

    /// <summary>
    /// What <paramref name="use"/> makes of the file's bytes (valid only during the call; <see cref="Decode"/> makes them
    /// text), or null after reporting why the file cannot be read.
    /// </summary>
    public static T? Read<T>(SourceFile file, DiagnosticBag diagnostics, Func<ReadOnlySpan<byte>, T?> use) where T : class
    {
        // The bytes live only until they are decoded: read into a pooled buffer rather than a new array per page.
        byte[]? rented = null;
        try
        {
            return ReadBytes(file, diagnostics, ref rented) is { } bytes ? use(bytes) : null;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // The file's bytes (in a buffer rented into `rented`, for the caller to return), or null after reporting why not.
    private static ArraySegment<byte>? ReadBytes(SourceFile file, DiagnosticBag diagnostics, ref byte[]? rented)
    {
        try
        {
            using var handle = File.OpenHandle(file.FullPath);
            var length = RandomAccess.GetLength(handle);
            if (length == 0)
            {
                // A length the file system does not know (or an empty file): read to the end, without the pool.
                var all = File.ReadAllBytes(file.FullPath);
                return all.Length > MaxPageBytes ? TooLarge(file, all.Length, diagnostics) : all;
            }
            if (length > MaxPageBytes)
            {
                return TooLarge(file, length, diagnostics);
            }
            rented = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
            var read = 0;
            int n;
            while (read < length && (n = RandomAccess.Read(handle, rented.AsSpan(read, (int)length - read), read)) > 0)
            {
                read += n;
            }
            return new ArraySegment<byte>(rented, 0, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticDescriptors.UnreadableSource, $"cannot read file: {ex.Message}", new SourceLocation(file.DisplayPath, 1, 1));
            return null;
        }
    }

    private static ArraySegment<byte>? TooLarge(SourceFile file, long length, DiagnosticBag diagnostics)
    {
        diagnostics.Report(DiagnosticDescriptors.UnprocessablePage,
            $"page is {length / (1024.0 * 1024.0):F1} MiB; pages over {MaxPageBytes / (1024 * 1024)} MiB are not processed",
            new SourceLocation(file.DisplayPath, 1, 1), "split it into several pages");
        return null;
    }

    /// <summary>The bytes as text, or null after reporting why not: binary files, invalid UTF-8 and absurd nesting are refused.</summary>
    public static string? Decode(SourceFile file, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.UnreadableSource, "file is binary (contains a NUL byte), not Markdown text",
                At(file, bytes, nul));
            return null;
        }
        string text;
        try
        {
            text = s_strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Report(DiagnosticDescriptors.UnreadableSource, "file is not valid UTF-8",
                At(file, bytes, Math.Max(0, ex.Index)), "save the file as UTF-8");
            return null;
        }
        return TooDeep(text) is { } line
            ? Refuse(file, line, diagnostics)
            : text;
    }

    /// <summary>The 1-based line of the first line nested absurdly deep (indentation or quote markers), or null.</summary>
    private static int? TooDeep(string text)
    {
        // Only each line's leading run is read; the rest of the line is skipped by a vectorised search for its end.
        var span = text.AsSpan();
        var line = 1;
        var start = 0;
        while (true)
        {
            var column = 0;
            var quotes = 0;
            for (var i = start; i < span.Length; i++)
            {
                var c = span[i];
                if (c == ' ')
                {
                    column++;
                }
                else if (c == '\t')
                {
                    column += 4;
                }
                else if (c == '>')
                {
                    quotes++;
                    column++;
                }
                else
                {
                    break;
                }
                if (column > MaxIndent || quotes > MaxQuoteDepth)
                {
                    return line;
                }
            }
            var end = span[start..].IndexOf('\n');
            if (end < 0)
            {
                return null;
            }
            start += end + 1;
            line++;
        }
    }

    private static string? Refuse(SourceFile file, int line, DiagnosticBag diagnostics)
    {
        diagnostics.Report(DiagnosticDescriptors.UnprocessablePage,
            $"the page is nested too deeply here (more than {MaxIndent} columns of indentation or {MaxQuoteDepth} quote levels)",
            new SourceLocation(file.DisplayPath, line, 1), "flatten the nesting of lists and quotes");
        return null;
    }

    private static SourceLocation At(SourceFile file, ReadOnlySpan<byte> bytes, int offset)
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
        var column = s_lenient.GetCharCount(bytes.Slice(lineStart, Math.Max(0, offset - lineStart))) + 1;
        return new SourceLocation(file.DisplayPath, line, column);
    }

    private static readonly UTF8Encoding s_lenient = new(false, false);
}
