using System.Buffers;
using System.Text;

namespace Crosswalk.Output;

/// <summary>
/// <c>relative_urls</c>: in a rendered page, every link and asset URL under <c>base_url</c> (<c>href</c>, <c>src</c>,
/// <c>poster</c>, <c>action</c>, <c>formaction</c> attributes) is rewritten relative to the page, so the site reads the
/// same from any folder, a zip or <c>file://</c>. Done on the finished page, in one place, so every URL the theme,
/// the body, the sidebar and generated pages print is covered, a custom theme's too. A relative URL resolves to the
/// same address a root-relative one did, so a served site is unchanged.
/// </summary>
/// <param name="baseUrl">The site's <c>base_url</c>: starts and ends with <c>/</c>.</param>
public sealed class RelativeUrls(string baseUrl)
{
    private readonly byte[] _base = Encoding.UTF8.GetBytes(baseUrl);

    private static readonly string[] Attributes = ["href", "src", "poster", "action", "formaction"];

    /// <summary>
    /// Writes <paramref name="html"/>, published at the site path <paramref name="url"/>, to <paramref name="output"/>
    /// with its site URLs relative. URLs of other sites, protocol-relative ones (<c>//host/</c>) and fragments are left.
    /// </summary>
    public void Rewrite(ReadOnlySpan<byte> html, string url, IBufferWriter<byte> output)
    {
        var root = Encoding.UTF8.GetBytes(Content.UrlModel.RelativeRoot(url));
        var done = 0;
        for (var at = html.IndexOf((byte)'='); at >= 0; at = Next(html, at))
        {
            // The value: a quote after '=' (spaces allowed around it, as HTML does), then base_url but not '//'.
            var v = at + 1;
            while (v < html.Length && html[v] is (byte)' ' or (byte)'\t' or (byte)'\n')
            {
                v++;
            }
            if (v >= html.Length || html[v] is not ((byte)'"' or (byte)'\''))
            {
                continue;
            }
            var value = html[(v + 1)..];
            if (!value.StartsWith(_base) || (value.Length > 1 && value[1] == (byte)'/') || !IsUrlAttribute(html[..at]))
            {
                continue;
            }
            output.Write(html[done..(v + 1)]);
            output.Write(root);
            done = v + 1 + _base.Length;
        }
        output.Write(html[done..]);
    }

    private static int Next(ReadOnlySpan<byte> html, int at)
    {
        var next = html[(at + 1)..].IndexOf((byte)'=');
        return next < 0 ? -1 : at + 1 + next;
    }

    // The attribute's name is what stands before '=' (spaces allowed), preceded by a space or a quote: 'data-href'
    // and 'xhref' are not 'href'.
    private static bool IsUrlAttribute(ReadOnlySpan<byte> before)
    {
        var end = before.Length;
        while (end > 0 && before[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\n')
        {
            end--;
        }
        foreach (var name in Attributes)
        {
            var start = end - name.Length;
            if (start > 0 && before[start - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'"' or (byte)'\''
                && Ascii.EqualsIgnoreCase(before[start..end], name))
            {
                return true;
            }
        }
        return false;
    }
}
