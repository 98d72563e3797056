using System.Buffers;
using System.Text;

namespace Crosswalk.Output;

/// <summary>
/// <c>relative_urls</c>: in a rendered page, the value of every <c>href</c>, <c>src</c>, <c>poster</c>, <c>action</c>
/// and <c>formaction</c> attribute that starts with <c>base_url</c> is rewritten relative to the page, so the site
/// reads the same from any folder, a zip or <c>file://</c>. Done on the finished page, in one place, so every such URL
/// the theme, the body, the sidebar and generated pages print is covered, a custom theme's too. A relative URL
/// resolves to the same address a root-relative one did, so a served site is unchanged.
/// </summary>
/// <remarks>
/// Only attributes of tags are read: text, comments and the contents of <c>pre</c>, <c>code</c>, <c>script</c>,
/// <c>style</c> and <c>textarea</c> (a code sample showing <c>&lt;a href='/docs/'&gt;</c>) are copied as they are.
/// </remarks>
public sealed class RelativeUrls
{
    private readonly byte[][] _bases;

    private static readonly string[] Attributes = ["href", "src", "poster", "action", "formaction"];
    private static readonly string[] RawElements = ["pre", "code", "script", "style", "textarea"];

    /// <param name="baseUrl">The site's <c>base_url</c>: starts and ends with <c>/</c>.</param>
    public RelativeUrls(string baseUrl)
    {
        // As pages print it: percent-encoded (links made by Crosswalk), or HTML-escaped (site.base_url in a template).
        _bases = [.. new[] { Markdown.HtmlEscape.Path(baseUrl), Markdown.HtmlEscape.Text(baseUrl), baseUrl }
            .Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes)];
        _quotedBases = [.. _bases.SelectMany(b => new[] { (byte)'"', (byte)'\'' }.Select(q => (byte[])[q, .. b]))];
    }

    // Each base as a quoted value starts: a tag holding none of them has no URL to rewrite, and most tags of a page (a
    // paragraph, a list item, a cell) are passed over with one vectorised search instead of being read attribute by
    // attribute.
    private readonly byte[][] _quotedBases;

    private bool MayHoldSiteUrl(ReadOnlySpan<byte> tag)
    {
        foreach (var quoted in _quotedBases)
        {
            if (tag.IndexOf(quoted) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Writes <paramref name="html"/>, published at the site path <paramref name="url"/>, to <paramref name="output"/>
    /// with its site URLs relative. URLs of other sites, protocol-relative ones (<c>//host/</c>), paths outside
    /// <c>base_url</c> and unquoted values are left as they are.
    /// </summary>
    public void Rewrite(ReadOnlySpan<byte> html, string url, IBufferWriter<byte> output)
    {
        var root = Encoding.UTF8.GetBytes(Content.UrlModel.RelativeRoot(url));
        var done = 0;
        var at = 0;
        var found = new List<(int Start, int Length)>();
        while (at < html.Length && html[at..].IndexOf((byte)'<') is var lt and >= 0)
        {
            at += lt;
            if (html[at..].StartsWith("<!--"u8))
            {
                at = SkipPast(html, at + 4, "-->"u8);
                continue;
            }
            var end = TagEnd(html, at);
            var name = TagName(html[(at + 1)..end]);
            if (MayHoldSiteUrl(html[at..end]))
            {
                UrlValues(html, at, end, found);
            }
            else
            {
                found.Clear();
            }
            foreach (var (start, length) in found)
            {
                output.Write(html[done..start]);
                output.Write(root);
                done = start + length;
            }
            at = end;
            if (name >= 0)
            {
                // Nothing inside is a tag until the element closes.
                at = SkipTo(html, at, RawElements[name]);
            }
        }
        output.Write(html[done..]);
    }

    // The index just past the tag starting at `start`: its '>' outside quoted values (or the end of the page). Jumps
    // from quote to quote: most of a page is tags.
    private static int TagEnd(ReadOnlySpan<byte> html, int start)
    {
        for (var i = start + 1; i < html.Length;)
        {
            var next = html[i..].IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
            if (next < 0)
            {
                break;
            }
            i += next;
            if (html[i] == (byte)'>')
            {
                return i + 1;
            }
            var close = html[(i + 1)..].IndexOf(html[i]);
            if (close < 0)
            {
                break;
            }
            i += close + 2;
        }
        return html.Length;
    }

    // Which raw element an opening tag starts (-1: none, or a closing tag).
    private static int TagName(ReadOnlySpan<byte> tag)
    {
        // Every raw element's name starts with one of these letters: other tags are told at their first byte.
        if (tag.IsEmpty || (tag[0] | 0x20) is not ((byte)'p' or (byte)'c' or (byte)'s' or (byte)'t'))
        {
            return -1;
        }
        for (var i = 0; i < RawElements.Length; i++)
        {
            var name = RawElements[i];
            if (tag.Length > name.Length && Ascii.EqualsIgnoreCase(tag[..name.Length], name)
                && tag[name.Length] is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'/')
            {
                return i;
            }
        }
        return -1;
    }

    // Just before the closing tag of `name` at or after `from`, ignoring case.
    private static int SkipTo(ReadOnlySpan<byte> html, int from, string name)
    {
        for (var i = from; i < html.Length && html[i..].IndexOf("</"u8) is var next and >= 0; i += next + 2)
        {
            var tag = html[(i + next + 2)..];
            if (tag.Length >= name.Length && Ascii.EqualsIgnoreCase(tag[..name.Length], name))
            {
                return i + next;
            }
        }
        return html.Length;
    }

    private static int SkipPast(ReadOnlySpan<byte> html, int from, ReadOnlySpan<byte> marker)
    {
        var i = html[from..].IndexOf(marker);
        return i < 0 ? html.Length : from + i + marker.Length;
    }

    private static int IndexOf(ReadOnlySpan<byte> html, byte value, int from, int end)
    {
        if (from >= end)
        {
            return -1;
        }
        var i = html[from..end].IndexOf(value);
        return i < 0 ? -1 : from + i;
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    // Into `found`: where base_url starts, and its length, in each quoted URL attribute value of the tag html[start..end) that starts
    // with it (not '//'). Attributes are read name by name and a quoted value whole, so text inside one value
    // (title='see href="/docs/"') is never taken for an attribute.
    private void UrlValues(ReadOnlySpan<byte> html, int start, int end, List<(int Start, int Length)> found)
    {
        found.Clear();
        var i = start + 1;
        while (i < end && !IsSpace(html[i]) && html[i] is not ((byte)'>' or (byte)'/'))
        {
            i++;
        }
        while (i < end)
        {
            while (i < end && (IsSpace(html[i]) || html[i] == (byte)'/'))
            {
                i++;
            }
            var nameStart = i;
            while (i < end && !IsSpace(html[i]) && html[i] is not ((byte)'=' or (byte)'>' or (byte)'/'))
            {
                i++;
            }
            var name = html[nameStart..i];
            var j = i;
            while (j < end && IsSpace(html[j]))
            {
                j++;
            }
            if (name.IsEmpty || j >= end || html[j] != (byte)'=')
            {
                i = name.IsEmpty ? i + 1 : j;
                continue;
            }
            j++;
            while (j < end && IsSpace(html[j]))
            {
                j++;
            }
            if (j < end && html[j] is (byte)'"' or (byte)'\'')
            {
                var close = IndexOf(html, html[j], j + 1, end);
                var valueEnd = close < 0 ? end : close;
                if (IsUrlAttribute(name) && BaseLength(html[(j + 1)..valueEnd]) is { } length)
                {
                    found.Add((j + 1, length));
                }
                i = valueEnd + 1;
                continue;
            }
            while (j < end && !IsSpace(html[j]) && html[j] != (byte)'>')
            {
                j++;
            }
            i = j;
        }
    }

    private int? BaseLength(ReadOnlySpan<byte> value)
    {
        if (value.Length > 1 && value[1] == (byte)'/')
        {
            return null;
        }
        foreach (var baseUrl in _bases)
        {
            if (value.StartsWith(baseUrl))
            {
                return baseUrl.Length;
            }
        }
        return null;
    }

    private static bool IsUrlAttribute(ReadOnlySpan<byte> name)
    {
        foreach (var candidate in Attributes)
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return true;
            }
        }
        return false;
    }
}
