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
    private readonly Regex _pattern;

    /// <summary>Creates placeholders with the given nonce (letters and digits only).</summary>
    public LinkPlaceholders(string nonce)
    {
        _prefix = "cwlink" + nonce + "_";
        _pattern = new Regex(Regex.Escape(_prefix) + "([0-9]+)_", RegexOptions.CultureInvariant);
    }

    /// <summary>Creates placeholders with a random nonce.</summary>
    public static LinkPlaceholders CreateRandom() => new(Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The placeholder for the page-local link <paramref name="id"/>.</summary>
    public string For(int id) => _prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";

    /// <summary>Replaces every placeholder in <paramref name="html"/> with <paramref name="resolve"/>(id), which must return attribute-safe text.</summary>
    public string Replace(string html, Func<int, string> resolve) =>
        _pattern.Replace(html, m => resolve(int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)));
}
