namespace Crosswalk.Cli.Serve;

/// <summary>
/// Takes a served page's own deferred scripts out of its body, to be put in <c>head</c> render-blocking (after
/// live.js, see <see cref="HtmlInjector"/>). Deferred scripts run after the parse in document order, wherever they stand;
/// in the body they cannot block rendering, so on a reload the browser painted the page once live.js had run and again
/// after the last deferred script (the theme's search box appearing, the DOMContentLoaded handlers' changes): a whole
/// frame of style, layout and paint between the parse and DOMContentLoaded. In <c>head</c> and render-blocking, the page
/// is painted once, after DOMContentLoaded. Built files are never changed; this runs on the bytes being sent.
/// </summary>
/// <remarks>
/// Only scripts that would run in the same order after the move are taken: the body's deferred scripts are taken in
/// order up to the first that cannot be (a module, another host's file, one with its own <c>blocking</c>), and none at
/// all from a page with a <c>base</c> tag. Comments, templates, SVG and MathML, and the text of raw-text elements
/// (script, style, textarea, noscript, …) are passed over as the browser's tokenizer would, so a tag written there is
/// never taken.
/// </remarks>
internal static class DeferredScripts
{
    private const string RenderBlocking = " blocking=\"render\"";

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    /// <summary>
    /// <paramref name="html"/> without the deferred scripts taken from after <paramref name="bodyFrom"/> (the end of
    /// <c>head</c>), and those scripts' tags, each render-blocking, in their order.
    /// </summary>
    public static (string Html, string Taken) Take(string html, int bodyFrom)
    {
        if (bodyFrom < 0 || bodyFrom > html.Length || HasBase(html))
        {
            return (html, "");
        }
        var taken = new List<(int Start, int End, string Tag)>();
        var templates = 0;
        var foreign = 0;
        var i = bodyFrom;
        while (i < html.Length && (i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = After(html, "-->", i + 4);
                continue;
            }
            if (i + 1 < html.Length && html[i + 1] is '!' or '?')
            {
                i = After(html, ">", i + 2);
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameAt = i + (closing ? 2 : 1);
            if (nameAt >= html.Length || !char.IsAsciiLetter(html[nameAt]))
            {
                i++;
                continue;
            }
            var nameEnd = nameAt;
            while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('>' or '/'))
            {
                nameEnd++;
            }
            var name = html[nameAt..nameEnd].ToLowerInvariant();
            var tagEnd = TagEnd(html, nameEnd);
            if (tagEnd < 0)
            {
                break;
            }
            if (closing)
            {
                if (name == "template" && templates > 0)
                {
                    templates--;
                }
                else if (name is "svg" or "math" && foreign > 0)
                {
                    foreign--;
                }
                i = tagEnd;
                continue;
            }
            if (name == "template")
            {
                templates++;
            }
            else if (name is "svg" or "math" && html[tagEnd - 2] != '/')
            {
                foreign++;
            }
            else if (name == "plaintext")
            {
                break;
            }
            else if (RawText.Contains(name) && foreign == 0)
            {
                var close = CloseTag(html, name, tagEnd);
                var end = close < 0 ? -1 : TagEnd(html, close + 2 + name.Length);
                if (name == "script" && templates == 0)
                {
                    var attributes = Attributes(html, nameEnd, tagEnd);
                    if (Joins(attributes))
                    {
                        if (end < 0 || !Movable(attributes) || !string.IsNullOrWhiteSpace(html[tagEnd..close]))
                        {
                            break;
                        }
                        taken.Add((i, end, html[i..(tagEnd - 1)] + RenderBlocking + "></script>"));
                    }
                }
                if (end < 0)
                {
                    break;
                }
                i = end;
                continue;
            }
            i = tagEnd;
        }
        if (taken.Count == 0)
        {
            return (html, "");
        }
        var kept = new System.Text.StringBuilder(html.Length);
        var from = 0;
        foreach (var (start, end, _) in taken)
        {
            kept.Append(html, from, start - from);
            from = end;
        }
        kept.Append(html, from, html.Length - from);
        return (kept.ToString(), string.Concat(taken.Select(t => t.Tag)));
    }

    // Whether the script joins the list run after the parse, in document order: deferred classic scripts and modules
    // that are not async (a module is deferred unless it is async).
    private static bool Joins(Dictionary<string, string> attributes)
    {
        if (attributes.ContainsKey("async"))
        {
            return false;
        }
        var type = attributes.GetValueOrDefault("type")?.Trim().ToLowerInvariant();
        return type == "module" || (attributes.ContainsKey("defer") && attributes.ContainsKey("src") && IsClassic(type));
    }

    private static bool Movable(Dictionary<string, string> attributes) =>
        IsClassic(attributes.GetValueOrDefault("type")?.Trim().ToLowerInvariant())
        && !attributes.ContainsKey("blocking") && !attributes.ContainsKey("nomodule")
        && attributes.GetValueOrDefault("src") is { Length: > 0 } src && IsSameOrigin(src.Trim());

    private static bool IsClassic(string? type) => type is null or "" or "text/javascript" or "application/javascript";

    // A path on the preview's own host (a script from elsewhere could keep the page blank while it loads).
    private static bool IsSameOrigin(string src)
    {
        if (src.Length == 0 || src.StartsWith("//", StringComparison.Ordinal) || src.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return false;
        }
        var colon = src.IndexOf(':');
        var stop = src.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (stop >= 0 && stop < colon);
    }

    private static bool HasBase(string html)
    {
        for (var at = html.IndexOf("<base", StringComparison.OrdinalIgnoreCase); at >= 0 && at < html.Length;
             at = html.IndexOf("<base", at + 5, StringComparison.OrdinalIgnoreCase))
        {
            if (at + 5 >= html.Length || char.IsWhiteSpace(html[at + 5]) || html[at + 5] is '>' or '/')
            {
                return true;
            }
        }
        return false;
    }

    private static int After(string html, string end, int from)
    {
        var at = from <= html.Length ? html.IndexOf(end, from, StringComparison.Ordinal) : -1;
        return at < 0 ? html.Length : at + end.Length;
    }

    // The index after the '>' that ends a tag whose name ends at from, past quoted attribute values; -1 when there is none.
    private static int TagEnd(string html, int from)
    {
        for (var i = from; i < html.Length; i++)
        {
            if (html[i] == '>')
            {
                return i + 1;
            }
            if (html[i] != '=')
            {
                continue;
            }
            // A value: a quote opens it only right after the '=' and any whitespace.
            var v = i + 1;
            while (v < html.Length && char.IsWhiteSpace(html[v]))
            {
                v++;
            }
            if (v < html.Length && html[v] is '"' or '\'')
            {
                var close = html.IndexOf(html[v], v + 1);
                if (close < 0)
                {
                    return -1;
                }
                i = close;
            }
            else
            {
                i = v - 1;
            }
        }
        return -1;
    }

    // The index of the "</name" that ends a raw-text element's text, or -1.
    private static int CloseTag(string html, string name, int from)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            var after = at + 2 + name.Length;
            if (after <= html.Length && string.Compare(html, at + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after == html.Length || char.IsWhiteSpace(html[after]) || html[after] is '>' or '/'))
            {
                return at;
            }
        }
        return -1;
    }

    // The attributes of a start tag, from the end of its name to its '>': lower-cased names, the first of each kept.
    private static Dictionary<string, string> Attributes(string html, int from, int tagEnd)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var end = tagEnd - 1;
        var i = from;
        while (i < end)
        {
            while (i < end && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }
            var nameAt = i;
            // A name may start with '=' (the tokenizer keeps it as part of the name).
            while (i < end && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '>') && (html[i] != '=' || i == nameAt))
            {
                i++;
            }
            if (i == nameAt)
            {
                break;
            }
            var name = html[nameAt..i].ToLowerInvariant();
            while (i < end && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            var value = "";
            if (i < end && html[i] == '=')
            {
                i++;
                while (i < end && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }
                if (i < end && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    close = close < 0 || close > end ? end : close;
                    value = html[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueAt = i;
                    while (i < end && !char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }
                    value = html[valueAt..i];
                }
            }
            attributes.TryAdd(name, System.Net.WebUtility.HtmlDecode(value));
        }
        return attributes;
    }
}
