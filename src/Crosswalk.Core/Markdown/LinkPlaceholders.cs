using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Crosswalk.Markdown;

/// <summary>
/// Placeholder URLs written into body HTML while parsing, replaced by resolved URLs when rendering.
/// The token holds only characters Markdig's URL escaping leaves alone, and a per-build nonce so page
/// text cannot forge one.
/// </summary>
public sealed class LinkPlaceholders
{
    private readonly string _prefix;
    private readonly byte[] _prefixUtf8;
    private readonly Regex _pattern;

    /// <summary>Creates placeholders with the given nonce (letters and digits only).</summary>
    public LinkPlaceholders(string nonce)
    {
        _prefix = "cwlink" + nonce + "_";
        _prefixUtf8 = Encoding.UTF8.GetBytes(_prefix);
        _pattern = new Regex(Regex.Escape(_prefix) + "([0-9]+)_", RegexOptions.CultureInvariant);
    }

    /// <summary>Creates placeholders with a random nonce.</summary>
    public static LinkPlaceholders CreateRandom() => new(Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The placeholder for the page-local link <paramref name="id"/>.</summary>
    public string For(int id) => _prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";

    /// <summary>Replaces every placeholder in <paramref name="html"/> with <paramref name="resolve"/>(id), which must return attribute-safe text.</summary>
    public string Replace(string html, Func<int, string> resolve) =>
        _pattern.Replace(html, m => int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? resolve(id)
            : m.Value); // digits no int holds: never one of ours, so left as text (as WriteReplaced does)

    /// <summary>
    /// Writes UTF-8 <paramref name="html"/> to <paramref name="output"/> with every placeholder replaced, as
    /// <see cref="Replace"/> does on text, without decoding the page.
    /// </summary>
    public void WriteReplaced(ReadOnlySpan<byte> html, Func<int, string> resolve, IBufferWriter<byte> output)
    {
        while (html.IndexOf(_prefixUtf8) is var at and >= 0)
        {
            var digits = html[(at + _prefixUtf8.Length)..];
            var length = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            if (length <= 0 || digits[length] != (byte)'_' || !int.TryParse(digits[..length], System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                // Not a placeholder here: keep its first byte and look again after it.
                output.Write(html[..(at + 1)]);
                html = html[(at + 1)..];
                continue;
            }
            output.Write(html[..at]);
            Encoding.UTF8.GetBytes(resolve(id), output);
            html = digits[(length + 1)..];
        }
        output.Write(html);
    }
}
