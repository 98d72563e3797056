namespace Crosswalk.Cli.Serve;

/// <summary>The media type of a built file, by its extension; unknown extensions are opaque bytes.</summary>
internal static class ContentTypes
{
    public const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".map"] = "application/json; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
    };

    public static string For(string file) => ByExtension.GetValueOrDefault(Path.GetExtension(file), Default);

    public static bool IsHtml(string file) => file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
