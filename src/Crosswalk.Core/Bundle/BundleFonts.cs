using System.Reflection;
using PdfSharp.Fonts;

namespace Crosswalk.Bundle;

/// <summary>
/// The bundle's two font families, Liberation Sans and Liberation Mono (SIL OFL 1.1, shipped inside the assembly):
/// PDFsharp finds no system fonts on Linux and must be handed the bytes, and a shipped face prints the same everywhere.
/// </summary>
internal sealed class BundleFonts : IFontResolver
{
    /// <summary>The family of body text and headings.</summary>
    public const string Sans = "Liberation Sans";
    /// <summary>The family of code.</summary>
    public const string Mono = "Liberation Mono";

    private static readonly Lock s_gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp keeps it in a global).</summary>
    public static void Install()
    {
        lock (s_gate)
        {
            if (GlobalFontSettings.FontResolver is not BundleFonts)
            {
                GlobalFontSettings.FontResolver = new BundleFonts();
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Mono ships regular and bold only: its italic is drawn slanted by PDFsharp.
        var face = familyName == Mono
            ? bold ? "LiberationMono-Bold" : "LiberationMono-Regular"
            : (bold, italic) switch
            {
                (true, true) => "LiberationSans-BoldItalic",
                (true, false) => "LiberationSans-Bold",
                (false, true) => "LiberationSans-Italic",
                _ => "LiberationSans-Regular",
            };
        return new FontResolverInfo(face, mustSimulateBold: false, mustSimulateItalic: familyName == Mono && italic);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"fonts/{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
