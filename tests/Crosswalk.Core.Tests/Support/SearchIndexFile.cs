using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Crosswalk.Tests.Support;

/// <summary>Reads a search index file back as search.js does: the JSON in its base64 zlib string.</summary>
internal static class SearchIndexFile
{
    private const string Wrap = "={\"deflate\":\"";

    /// <summary>The JSON text the file holds compressed.</summary>
    public static string Json(string file)
    {
        var start = file.IndexOf(Wrap, StringComparison.Ordinal);
        Assert.True(start > 0, "the index file assigns {\"deflate\": \"…\"}");
        start += Wrap.Length;
        var end = file.IndexOf('"', start);
        using var zlib = new ZLibStream(new MemoryStream(Convert.FromBase64String(file[start..end])), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The index as JSON: <c>{"v":1,"pages":[…]}</c>.</summary>
    public static JsonElement Parse(string file) => JsonDocument.Parse(Json(file)).RootElement.Clone();
}
