using Crosswalk.Config;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Content;

/// <summary>The result of splitting a page into front matter and body.</summary>
/// <param name="Meta">Typed front matter (empty when there is none or it is broken).</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyLine">0-based line of the file on which <paramref name="Body"/> starts.</param>
public sealed record FrontMatterResult(PageMeta Meta, string Body, int BodyLine);

/// <summary>
/// Pipeline stage <c>ReadFrontMatter</c>: splits off the YAML block (fenced, or YAML-first as comply writes it: see
/// <see cref="YamlFirstFrontMatter"/>) and types its fields (CW1002, CW1003, CW1007, CW1013).
/// </summary>
public static class FrontMatterReader
{
    /// <summary>
    /// Reads the front matter of <paramref name="text"/> by <paramref name="schema"/> (default: the built-in keys), written
    /// as <paramref name="style"/> allows; problems are reported against <paramref name="file"/>.
    /// </summary>
    public static FrontMatterResult Read(string text, string file, DiagnosticBag diagnostics, FrontMatterSchema? schema = null,
        FrontMatterStyle style = FrontMatterStyle.Auto)
    {
        schema ??= FrontMatterSchema.BuiltIn;
        // A byte-order mark is not text: it must not shift the columns of line 1.
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (TrySplit(text, out var yaml, out var bodyStart, out var bodyLine, out var closed))
        {
            if (!closed)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter,
                    "front matter starts with '---' but is never closed", new SourceLocation(file, 1, 1),
                    "end the front matter with a line holding only '---'");
                return new FrontMatterResult(new PageMeta(), "", bodyLine);
            }
            // The YAML starts on the file's second line: its line 1 is file line 2.
            return Parse(yaml, 1, text[bodyStart..], bodyLine, file, diagnostics, schema);
        }
        if (YamlFirstFrontMatter.Find(text, start, style, schema) is not { } block)
        {
            // Chosen by the site, but never silent: a block auto would take for front matter is shown as text.
            if (style == FrontMatterStyle.Fenced && YamlFirstFrontMatter.Find(text, start, FrontMatterStyle.Auto, schema) is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.FrontMatterReadAsText,
                    "the page opens with front matter without the opening '---', which front_matter_style: fenced reads as Markdown",
                    new SourceLocation(file, 1, 1), "add '---' as the first line, or set front_matter_style to auto or yaml-first");
            }
            return new FrontMatterResult(new PageMeta(), text[start..], 0);
        }
        if (!block.Closed)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter,
                "the page starts with front matter but no line holding only '---' ends it", new SourceLocation(file, 1, 1),
                "end the front matter with a line holding only '---'");
            return new FrontMatterResult(new PageMeta(), text[start..], 0);
        }
        // No opening line: the YAML's line 1 is the file's.
        return Parse(text[start..block.YamlEnd], 0, text[block.BodyStart..], block.BodyLine, file, diagnostics, schema);
    }

    private static FrontMatterResult Parse(string yaml, int lineOffset, string body, int bodyLine, string file, DiagnosticBag diagnostics,
        FrontMatterSchema schema)
    {
        var (root, problem) = SafeYaml.LoadRoot(yaml);
        if (problem is not null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter, $"front matter is not valid YAML: {problem.Message}",
                new SourceLocation(file, problem.Line + lineOffset, problem.Column));
            return new FrontMatterResult(new PageMeta(), body, bodyLine);
        }
        if (root is null)
        {
            return new FrontMatterResult(new PageMeta(), body, bodyLine);
        }
        var reader = new FieldReader(file, diagnostics) { LineOffset = lineOffset };
        if (root is not YamlMappingNode map)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatter, "front matter must be a mapping of keys to values", reader.Location(root));
            return new FrontMatterResult(new PageMeta(), body, bodyLine);
        }
        return new FrontMatterResult(ReadMeta(map, reader, diagnostics, schema), body, bodyLine);
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

    private static int LineEnd(string text, int pos, out int next) => YamlFirstFrontMatter.LineEnd(text, pos, out next);

    private static PageMeta ReadMeta(YamlMappingNode map, FieldReader reader, DiagnosticBag diagnostics, FrontMatterSchema schema)
    {
        var meta = new PageMeta();
        var keys = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            reader.Key = key;
            reader.UsedAt = keyNode;
            keys.TryAdd(key, reader.Location(keyNode));
            if (schema.Find(key) is not { } field)
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownFrontMatterKey, $"unknown front-matter key '{key}'", reader.Location(keyNode),
                    DidYouMean.Help(key, schema.Fields.Select(f => f.Name)) ?? "declare the site's own keys under 'front_matter:' in site.yml");
                continue;
            }
            // A YAML null (`owner: ~`, `owner:`) states no value: the key is as good as absent, not the text "~".
            if (SafeYaml.IsNull(value))
            {
                keys.Remove(key);
                continue;
            }
            if (field.Read is { } read)
            {
                meta = read(reader, value, meta);
            }
            else
            {
                reader.Check(field.Kind, value);
            }
        }
        if (meta.ApprovedOn is not null && meta.ApprovedBy is null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatterField, "'approved_on' needs 'approved_by': who approved", keys["approved_on"]);
        }
        if (meta is { NextReview: { } next, LastReviewed: { } last } && next < last)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatterField,
                $"next_review {next:yyyy-MM-dd} is before last_reviewed {last:yyyy-MM-dd}", meta.NextReviewAt);
        }
        var approvals = meta.ApprovedBy is null ? meta.ApprovalList : [new Approval(meta.ApprovedBy, meta.ApprovedOn, null, meta.Version), .. meta.ApprovalList];
        return meta with { Keys = keys, Approvals = approvals };
    }
}
