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

    // HTML start tags that end SVG or MathML content (the tree builder pops back to HTML; font only with some
    // attributes, so it is left out: what follows it stays foreign here, where nothing is taken).
    private static readonly HashSet<string> BreaksOut = new(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    };

    /// <summary>
    /// <paramref name="html"/> without the deferred scripts taken from after <paramref name="bodyFrom"/> (the end of
    /// <c>head</c>), and those scripts' tags, each render-blocking, in their order.
    /// </summary>
    public static (string Html, string Taken) Take(string html, int bodyFrom)
    {
        if (bodyFrom < 0 || bodyFrom > html.Length || AssetVersions.HasBase(html))
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
                i = CommentEnd(html, i + 4);
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameAt = i + (closing ? 2 : 1);
            if (nameAt < html.Length && (html[nameAt] is '!' or '?' || closing && !char.IsAsciiLetter(html[nameAt])))
            {
                // A bogus comment, up to the next '>' ("</>" is nothing).
                i = closing && html[nameAt] == '>' ? nameAt + 1 : After(html, ">", nameAt);
                continue;
            }
            if (nameAt >= html.Length || !char.IsAsciiLetter(html[nameAt]))
            {
                i++;
                continue;
            }
            var nameEnd = nameAt;
            while (nameEnd < html.Length && !IsSpace(html[nameEnd]) && html[nameEnd] is not ('>' or '/'))
            {
                nameEnd++;
            }
            var name = html[nameAt..nameEnd].ToLowerInvariant();
            // Attributes are kept for scripts only: every other tag is just passed over.
            var attributes = name == "script" && !closing ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
            var (tagEnd, selfClosing) = ReadTag(html, nameEnd, attributes);
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
            if (foreign > 0)
            {
                // In SVG or MathML a script, or an element whose text is raw in HTML (an integration point such as
                // foreignObject makes it HTML again), is not worth reading as the browser would: stop.
                if (name == "script" || name == "plaintext" || RawText.Contains(name) && name is not ("title" or "style"))
                {
                    break;
                }
                if (BreaksOut.Contains(name))
                {
                    foreign = 0;
                }
                else
                {
                    if (name is "svg" or "math" && !selfClosing)
                    {
                        foreign++;
                    }
                    i = tagEnd;
                    continue;
                }
            }
            if (name == "template")
            {
                templates++;
            }
            else if (name is "svg" or "math" && !selfClosing)
            {
                foreign++;
            }
            else if (name == "plaintext")
            {
                break;
            }
            else if (RawText.Contains(name))
            {
                var close = CloseTag(html, name, tagEnd);
                var end = close < 0 ? -1 : ReadTag(html, close + 2 + name.Length, null).End;
                if (attributes is not null && templates == 0 && Joins(attributes))
                {
                    if (end < 0 || !Movable(attributes) || !IsBlank(html, tagEnd, close))
                    {
                        break;
                    }
                    taken.Add((i, end, html[i..(tagEnd - 1)] + RenderBlocking + "></script>"));
                }
                // A script's text with "<!--" in it may not end at the first "</script>" (escaped text): stop.
                if (end < 0 || name == "script" && html.IndexOf("<!--", tagEnd, close - tagEnd, StringComparison.Ordinal) >= 0)
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

    // Whether the script joins the list run after the parse, in document order: modules that are not async, and
    // external scripts with defer that are not (of a type this cannot tell from a data block: they stop the taking).
    private static bool Joins(Dictionary<string, string> attributes) =>
        !attributes.ContainsKey("async")
        && (Type(attributes) == "module" || attributes.ContainsKey("defer") && attributes.ContainsKey("src"));

    private static bool Movable(Dictionary<string, string> attributes) =>
        Type(attributes) is "" or "text/javascript" or "application/javascript"
        && !attributes.ContainsKey("blocking") && !attributes.ContainsKey("nomodule")
        && attributes.GetValueOrDefault("src") is { Length: > 0 } src && IsSameOrigin(src.Trim(HtmlSpace));

    private static string Type(Dictionary<string, string> attributes) =>
        attributes.GetValueOrDefault("type")?.Trim(HtmlSpace).ToLowerInvariant() ?? "";

    // A path on the preview's own host (a script from elsewhere could keep the page blank while it loads).
    private static bool IsSameOrigin(string src)
    {
        if (src.Length == 0 || src.Contains('\\') || src.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }
        var colon = src.IndexOf(':');
        var stop = src.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (stop >= 0 && stop < colon);
    }

    private static readonly char[] HtmlSpace = [' ', '\t', '\n', '\f', '\r'];

    // The tokenizer's whitespace: not the non-breaking space or the other Unicode spaces.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static bool IsBlank(string html, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!IsSpace(html[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static int After(string html, string end, int from)
    {
        var at = from <= html.Length ? html.IndexOf(end, from, StringComparison.Ordinal) : -1;
        return at < 0 ? html.Length : at + end.Length;
    }

    // The index after a comment whose text starts at from: "<!-->" and "<!--->" end at once, else "-->" or "--!>".
    private static int CommentEnd(string html, int from)
    {
        if (string.CompareOrdinal(html, from, ">", 0, 1) == 0)
        {
            return from + 1;
        }
        if (string.CompareOrdinal(html, from, "->", 0, 2) == 0)
        {
            return from + 2;
        }
        return Math.Min(After(html, "-->", from), After(html, "--!>", from));
    }

    // A start or end tag from the end of its name: the index after its '>' (-1 when there is none) and whether it ends
    // with "/>"; its attributes go into attributes when given (lower-cased names, the first of each kept, values
    // decoded). A value starts only after a name and its '='; a name may start with '=', as the tokenizer reads it.
    private static (int End, bool SelfClosing) ReadTag(string html, int from, Dictionary<string, string>? attributes)
    {
        var i = from;
        while (i < html.Length)
        {
            var selfClosing = false;
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                selfClosing = html[i] == '/';
                i++;
            }
            if (i >= html.Length)
            {
                break;
            }
            if (html[i] == '>')
            {
                return (i + 1, selfClosing);
            }
            var nameAt = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>') && (html[i] != '=' || i == nameAt))
            {
                i++;
            }
            var nameEnd = i;
            var after = i;
            while (after < html.Length && IsSpace(html[after]))
            {
                after++;
            }
            var (valueAt, valueEnd) = (0, 0);
            if (after < html.Length && html[after] == '=')
            {
                i = after + 1;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    if (close < 0)
                    {
                        break;
                    }
                    (valueAt, valueEnd) = (i + 1, close);
                    i = close + 1;
                }
                else
                {
                    valueAt = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                    valueEnd = i;
                }
            }
            attributes?.TryAdd(html[nameAt..nameEnd].ToLowerInvariant(), System.Net.WebUtility.HtmlDecode(html[valueAt..valueEnd]));
        }
        return (-1, false);
    }

    // The index of the "</name" that ends a raw-text element's text, or -1.
    private static int CloseTag(string html, string name, int from)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            var after = at + 2 + name.Length;
            if (after <= html.Length && string.Compare(html, at + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after == html.Length || IsSpace(html[after]) || html[after] is '>' or '/'))
            {
                return at;
            }
        }
        return -1;
    }
}
