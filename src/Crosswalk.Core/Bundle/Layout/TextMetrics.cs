using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Crosswalk.Bundle.Layout;

/// <summary>
/// The fonts and the widths of text in them. PDFsharp sets glyphs at their advance widths without kerning, so a
/// string's width is the sum of its characters': each is measured once per face and cached.
/// </summary>
internal sealed class TextMetrics : IDisposable
{
    private const double Unit = 1000;
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(Unit, Unit), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<TextFont, XFont> _fonts = [];
    private readonly Dictionary<int, double>[] _advances = [.. Enumerable.Range(0, 8).Select(_ => new Dictionary<int, double>())];
    private readonly XFont?[] _unitFonts = new XFont?[8];

    public TextMetrics() => BundleFonts.Install();

    /// <summary>The PDFsharp font for <paramref name="font"/>; Unicode encoding, so any script the face holds is set and extractable.</summary>
    public XFont Font(TextFont font)
    {
        if (!_fonts.TryGetValue(font, out var xfont))
        {
            xfont = Make(font.Style, font.Size);
            _fonts[font] = xfont;
        }
        return xfont;
    }

    /// <summary>The width of <paramref name="text"/> in points.</summary>
    public double Width(string text, TextFont font) => Width(text.AsSpan(), font);

    /// <summary>The width of <paramref name="text"/> in points.</summary>
    public double Width(ReadOnlySpan<char> text, TextFont font)
    {
        var face = Face(font.Style);
        var advances = _advances[face];
        var total = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!advances.TryGetValue(rune.Value, out var advance))
            {
                var unitFont = _unitFonts[face] ??= Make(font.Style, Unit);
                advance = _measure.MeasureString(rune.ToString(), unitFont).Width / Unit;
                advances[rune.Value] = advance;
            }
            total += advance;
        }
        return total * font.Size;
    }

    /// <summary>Text fit for a PDF string: control characters become spaces.</summary>
    public static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) && c != '\n' ? ' ' : c);
        }
        return sb.ToString();
    }

    public void Dispose() => _measure.Dispose();

    private static int Face(RunStyle style) =>
        ((style & RunStyle.Mono) != 0 ? 4 : 0) | ((style & RunStyle.Bold) != 0 ? 2 : 0) | ((style & RunStyle.Italic) != 0 ? 1 : 0);

    private static XFont Make(RunStyle style, double size)
    {
        var xstyle = ((style & RunStyle.Bold) != 0, (style & RunStyle.Italic) != 0) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        var family = (style & RunStyle.Mono) != 0 ? BundleFonts.Mono : BundleFonts.Sans;
        return new XFont(family, size, xstyle, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
    }
}
