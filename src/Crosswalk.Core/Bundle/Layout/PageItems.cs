namespace Crosswalk.Bundle.Layout;

/// <summary>A face and size: what text is set in.</summary>
/// <param name="Style">Bold, italic, mono; <see cref="RunStyle.Link"/> sets the colour only.</param>
/// <param name="Size">Points.</param>
internal readonly record struct TextFont(RunStyle Style, double Size)
{
    /// <summary>The height of a line of this font.</summary>
    public double LineHeight => Size * 1.32;

    /// <summary>How far the baseline lies below the top of the line.</summary>
    public double Ascent => Size * 1.0;
}

/// <summary>Something drawn on a page, in points from the top-left corner.</summary>
internal abstract record PageItem;

/// <summary>Text with its baseline at <paramref name="Y"/>.</summary>
internal sealed record TextItem(double X, double Y, TextFont Font, string Text) : PageItem;

/// <summary>A straight line.</summary>
internal sealed record LineItem(double X1, double Y1, double X2, double Y2) : PageItem;

/// <summary>A light grey filled box (code, table headers).</summary>
internal sealed record BoxItem(double X, double Y, double Width, double Height) : PageItem;

/// <summary>An image scaled into the box.</summary>
internal sealed record ImageItem(double X, double Y, double Width, double Height, byte[] Data) : PageItem;

/// <summary>A bookmark: a heading of <paramref name="Level"/> 1 or 2 at a place on a page (0-based within its section).</summary>
internal sealed record Mark(string Title, int Level, int Page, double Y);

/// <summary>What a laid-out section is: its pages and bookmarks.</summary>
internal sealed record LaidSection(IReadOnlyList<IReadOnlyList<PageItem>> Pages, IReadOnlyList<Mark> Marks);

/// <summary>The page: A4 with its margins, in points.</summary>
internal static class PageGeometry
{
    public const double Width = 595.28;
    public const double Height = 841.89;
    public const double Left = 56;
    public const double Right = Width - 56;
    public const double Top = 56;
    public const double Bottom = Height - 64;
    public const double BodySize = 10;
    public const double CodeSize = 8.5;
}
