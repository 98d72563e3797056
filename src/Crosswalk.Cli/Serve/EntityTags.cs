using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// Strong entity tags for the files the preview serves besides pages (theme CSS and JS, images, the search index):
/// with <c>Cache-Control: no-cache</c> a reload asks again for each of them, and gets a body-less 304 while the bytes
/// are those it holds. A browser reusing its copy keeps its compiled scripts too, which a reload otherwise redoes.
/// </summary>
internal static class EntityTags
{
    // The memory store keeps a file's array until the file is written again: one hash per version of a file.
    private static readonly ConditionalWeakTable<byte[], string> Tags = [];

    /// <summary>The tag of <paramref name="content"/>: a hash of its bytes, quoted.</summary>
    public static string Of(byte[] content) => Tags.GetValue(content, static c => "\"" + Convert.ToHexStringLower(SHA256.HashData(c).AsSpan(0, 16)) + "\"");

    /// <summary>
    /// Whether an <c>If-None-Match</c> header names <paramref name="tag"/> (or is <c>*</c>): the weak comparison
    /// RFC 9110 asks of it, so <c>W/"x"</c> matches <c>"x"</c>.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string tag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                if (candidate == "*" || candidate == tag)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
