using Crosswalk.Config;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Content;

/// <summary>The result of splitting a page into front matter and body.</summary>
/// <param name="Meta">Typed front matter (empty when there is none or it is broken).</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyLine">0-based line of the file on which <paramref name="Body"/> starts.</param>
public sealed record FrontMatterResult(PageMeta Meta, string Body, int BodyLine);

/// <summary>Pipeline stage <c>ReadFrontMatter</c>: splits off the YAML block and types its fields (CW1002, CW1003).</summary>
public static class FrontMatterReader
{
    /// <summary>Reads the front matter of <paramref name="text"/>; problems are reported against <paramref name="file"/>.</summary>
    public static FrontMatterResult Read(string text, string file, DiagnosticBag diagnostics)
    {
        if (!TrySplit(text, out var yaml, out var bodyStart, out var bodyLine, out var closed))
        {
            // A byte-order mark is not text: it must not shift the columns of line 1.
            return new FrontMatterResult(new PageMeta(), text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, 0);
        }
        if (!closed)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter,
                "front matter starts with '---' but is never closed", new SourceLocation(file, 1, 1),
                "end the front matter with a line holding only '---'");
            return new FrontMatterResult(new PageMeta(), "", bodyLine);
        }

        var body = text[bodyStart..];
        var (root, problem) = SafeYaml.LoadRoot(yaml);
        if (problem is not null)
        {
            // The YAML starts on the file's second line: its line 1 is file line 2.
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter, $"front matter is not valid YAML: {problem.Message}",
                new SourceLocation(file, problem.Line + 1, problem.Column));
            return new FrontMatterResult(new PageMeta(), body, bodyLine);
        }

        if (root is null)
        {
            return new FrontMatterResult(new PageMeta(), body, bodyLine);
        }
        if (root is not YamlMappingNode map)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter,
                "front matter must be a mapping of keys to values", Loc(file, root));
            return new FrontMatterResult(new PageMeta(), body, bodyLine);
        }
        return new FrontMatterResult(ReadMeta(map, file, diagnostics), body, bodyLine);
    }

    /// <summary>
    /// Splits a leading <c>---</c> block. Returns false when the text has no front matter.
    /// <paramref name="closed"/> is false when the opening fence has no closing one.
    /// </summary>
    internal static bool TrySplit(string text, out string yaml, out int bodyStart, out int bodyLine, out bool closed)
    {
        yaml = "";
        bodyStart = 0;
        bodyLine = 0;
        closed = false;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var firstEnd = LineEnd(text, start, out var firstNext);
        if (text.AsSpan(start, firstEnd - start).TrimEnd() is not "---")
        {
            return false;
        }
        var line = 1;
        var pos = firstNext;
        while (pos < text.Length)
        {
            var end = LineEnd(text, pos, out var next);
            var content = text.AsSpan(pos, end - pos).TrimEnd();
            if (content is "---" or "...")
            {
                yaml = text[firstNext..pos];
                bodyStart = next;
                bodyLine = line + 1;
                closed = true;
                return true;
            }
            line++;
            pos = next;
        }
        bodyLine = line;
        return true;
    }

    private static int LineEnd(string text, int pos, out int next)
    {
        var nl = text.IndexOf('\n', pos);
        if (nl < 0)
        {
            next = text.Length;
            return text.Length;
        }
        next = nl + 1;
        return nl > pos && text[nl - 1] == '\r' ? nl - 1 : nl;
    }

    private static SourceLocation Loc(string file, YamlNode node) => new(file, (int)node.Start.Line + 1, (int)node.Start.Column);

    private static PageMeta ReadMeta(YamlMappingNode map, string file, DiagnosticBag diagnostics)
    {
        var meta = new PageMeta();
        YamlNode usedAt = map;
        foreach (var (keyNode, value) in map.Children)
        {
            usedAt = keyNode;
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "title": meta = meta with { Title = Scalar(key, value) }; break;
                case "short_title": meta = meta with { ShortTitle = Scalar(key, value) }; break;
                case "summary" or "description": meta = meta with { Summary = meta.Summary ?? Scalar(key, value) }; break;
                case "layout": meta = meta with { Layout = Scalar(key, value) }; break;
                case "owner": meta = meta with { Owner = Scalar(key, value) }; break;
                case "last_reviewed": meta = meta with { LastReviewed = Scalar(key, value) }; break;
                case "next_review": meta = meta with { NextReview = Scalar(key, value) }; break;
                case "nav_exclude": meta = meta with { HideFromNav = Scalar(key, value) is "true" or "yes" }; break;
                case "permalink":
                    var permalink = Scalar(key, value);
                    if (permalink is not null && !permalink.StartsWith('/'))
                    {
                        Field(value, $"permalink '{permalink}' must start with '/'");
                        permalink = null;
                    }
                    meta = meta with { Permalink = permalink, PermalinkLocation = Loc(file, value) };
                    break;
                case "nav_order":
                    var order = Scalar(key, value);
                    if (order is not null)
                    {
                        if (int.TryParse(order, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
                        {
                            meta = meta with { NavOrder = n };
                        }
                        else
                        {
                            Field(value, $"nav_order must be an integer, not '{order}'");
                        }
                    }
                    break;
                case "satisfies": meta = meta with { Satisfies = ReadSatisfies(value) }; break;
                case "redirect_from": meta = meta with { RedirectFrom = ReadRedirectFrom(value) }; break;
                default: break; // Other keys are the author's own data; templates do not see them.
            }
        }
        return meta;

        string? Scalar(string key, YamlNode node)
        {
            if (node is YamlScalarNode s)
            {
                return s.Value;
            }
            Field(node, $"'{key}' must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
            return null;
        }

        // A node that starts before the key it belongs to came through an alias: report where it is used, not defined.
        void Field(YamlNode node, string message) =>
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatterField, message,
                Loc(file, node.Start.Line < usedAt.Start.Line ? usedAt : node));

        List<SatisfiesEntry> ReadSatisfies(YamlNode node)
        {
            var list = new List<SatisfiesEntry>();
            if (node is not YamlMappingNode m)
            {
                Field(node, "'satisfies' must map catalog ids to lists of criteria, e.g. { soc2-tsc-2017: [CC6.1] }");
                return list;
            }
            foreach (var (k, v) in m.Children)
            {
                usedAt = k;
                var catalog = (k as YamlScalarNode)?.Value ?? "";
                IEnumerable<YamlNode> items = v is YamlSequenceNode seq ? seq.Children : [v];
                foreach (var item in items)
                {
                    if (item is YamlScalarNode { Value: { } expr })
                    {
                        // Columns inside the expression count from its first character: after the opening quote, if any.
                        var at = Loc(file, item);
                        var quoted = item is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted };
                        list.Add(new SatisfiesEntry(catalog, expr, quoted ? at with { Column = at.Column + 1 } : at));
                    }
                    else
                    {
                        // Once per catalog: an alias can repeat the same bad node many times.
                        Field(item, $"criteria under '{catalog}' must be strings such as CC6.1");
                        break;
                    }
                }
            }
            return list;
        }

        List<(string, SourceLocation)> ReadRedirectFrom(YamlNode node)
        {
            IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
            var list = new List<(string, SourceLocation)>();
            foreach (var item in items)
            {
                if (item is YamlScalarNode { Value: { } url } && url.StartsWith('/'))
                {
                    list.Add((url, Loc(file, item)));
                }
                else
                {
                    Field(item, "each 'redirect_from' entry must be a URL path starting with '/'");
                }
            }
            return list;
        }
    }
}
