using System.Security.Cryptography;
using System.Text;
using Crosswalk.Bundle.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Crosswalk.Bundle;

/// <summary>
/// Draws laid-out pages into a PDF with PDFsharp: text in the embedded fonts (selectable and searchable), a footer
/// with the page number, and bookmarks. The dates and the document id come from the caller, so the same book gives the
/// same bytes.
/// </summary>
internal static class PdfBook
{
    private static readonly XColor s_link = XColor.FromArgb(0x1A, 0x4F, 0x9C);
    private static readonly XColor s_shade = XColor.FromArgb(0xEE, 0xEE, 0xEE);
    private static readonly XColor s_rule = XColor.FromArgb(0x99, 0x99, 0x99);

    /// <summary>The PDF of <paramref name="pages"/>; marks' pages are 0-based page indexes; page 0 (the cover) gets no footer.</summary>
    public static byte[] Write(TextMetrics metrics, IReadOnlyList<IReadOnlyList<PageItem>> pages, IReadOnlyList<Mark> marks,
        string title, string footer, DateOnly date)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Crosswalk";
        var when = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.CreationDate = when;
        document.Info.ModificationDate = when;
        document.Options.CompressContentStreams = true;
        var footerFont = new TextFont(RunStyle.Plain, 8);
        var text = new XSolidBrush(XColors.Black);
        var link = new XSolidBrush(s_link);
        var shade = new XSolidBrush(s_shade);
        var pen = new XPen(s_rule, 0.5);
        var images = new Dictionary<byte[], XImage>(ReferenceEqualityComparer.Instance);
        try
        {
            for (var n = 0; n < pages.Count; n++)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(PageGeometry.Width);
                page.Height = XUnit.FromPoint(PageGeometry.Height);
                using var gfx = XGraphics.FromPdfPage(page);
                foreach (var item in pages[n])
                {
                    switch (item)
                    {
                        case TextItem t:
                            gfx.DrawString(t.Text, metrics.Font(t.Font), (t.Font.Style & RunStyle.Link) != 0 ? link : text, t.X, t.Y, XStringFormats.BaseLineLeft);
                            break;
                        case LineItem l:
                            gfx.DrawLine(pen, l.X1, l.Y1, l.X2, l.Y2);
                            break;
                        case BoxItem b:
                            gfx.DrawRectangle(shade, b.X, b.Y, b.Width, b.Height);
                            break;
                        case ImageItem i:
                            if (!images.TryGetValue(i.Data, out var image))
                            {
                                image = XImage.FromStream(new MemoryStream(i.Data, writable: false));
                                images[i.Data] = image;
                            }
                            gfx.DrawImage(image, i.X, i.Y, i.Width, i.Height);
                            break;
                    }
                }
                if (n > 0)
                {
                    var label = $"{footer}  ·  page {n + 1} of {pages.Count}";
                    gfx.DrawLine(pen, PageGeometry.Left, PageGeometry.Bottom + 18, PageGeometry.Right, PageGeometry.Bottom + 18);
                    gfx.DrawString(TextMetrics.Clean(label), metrics.Font(footerFont), text,
                        PageGeometry.Right - metrics.Width(label, footerFont), PageGeometry.Bottom + 30, XStringFormats.BaseLineLeft);
                }
            }
            Bookmarks(document, marks);
            // The file identifier is a hash of what the book is, not a fresh GUID: the same book is the same file.
            using var stream = new MemoryStream();
            var id = SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{footer}\n{date:yyyy-MM-dd}\n{pages.Count}"));
            var raw = new string([.. id.Take(16).Select(b => (char)b)]);
            document.Internals.FirstDocumentID = raw;
            document.Internals.SecondDocumentID = raw;
            document.Save(stream, closeStream: false);
            return StableBytes.Apply(stream.ToArray(), id);
        }
        finally
        {
            foreach (var image in images.Values)
            {
                image.Dispose();
            }
        }
    }

    /// <summary>Level 1 marks at the top of the outline, each level 2 mark under the level 1 mark before it.</summary>
    private static void Bookmarks(PdfDocument document, IReadOnlyList<Mark> marks)
    {
        PdfOutline? parent = null;
        foreach (var mark in marks)
        {
            var collection = mark.Level == 1 || parent is null ? document.Outlines : parent.Outlines;
            var outline = collection.Add(TextMetrics.Clean(mark.Title), document.Pages[mark.Page], opened: false);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Top = PageGeometry.Height - mark.Y + 6;
            if (mark.Level == 1)
            {
                parent = outline;
            }
        }
    }
}
