using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

/// <summary>A YAML syntax problem: 1-based position in the YAML text and a message without YamlDotNet's position prefix.</summary>
public sealed record YamlProblem(int Line, int Column, string Message);

/// <summary>
/// Loads untrusted YAML (site.yml, front matter, catalogs) without letting it crash the build: one pass over the
/// event stream first catches syntax errors with their position and refuses absurd nesting before YamlDotNet's
/// recursive representation model sees it (a stack overflow cannot be caught). Aliases stay references, never
/// expanded copies, so alias bombs cost nothing.
/// </summary>
public static class SafeYaml
{
    /// <summary>Collections nested deeper than this are refused.</summary>
    public const int MaxDepth = 64;

    /// <summary>Loads the documents of <paramref name="text"/>, or returns the first problem.</summary>
    public static (YamlStream? Stream, YamlProblem? Problem) Load(string text)
    {
        // Most YAML here is a few lines of front matter that cannot nest deeply: it skips the pre-scan (a second full
        // parse). Anything that might nest deeply is scanned first.
        if (!CannotNestDeeply(text) && PreScan(text) is { } problem)
        {
            return (null, problem);
        }
        try
        {
            var stream = new YamlStream();
            if (PlainYaml.TryParse(text) is { } events)
            {
                stream.Load(new PlainYaml.Events(events));
            }
            else
            {
                stream.Load(new StringReader(text));
            }
            return (stream, null);
        }
        catch (AnchorNotFoundException ex)
        {
            // YamlDotNet reports an undefined alias at the start of the document; the event stream knows where it is.
            var (line, column) = UndefinedAlias(text) ?? ((int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column));
            return (null, new YamlProblem(line, column, Describe(ex)));
        }
        catch (YamlException ex)
        {
            return (null, new YamlProblem((int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column), Describe(ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return (null, PreScan(text) ?? new YamlProblem(1, 1, ex.Message));
        }
    }

    private static (int Line, int Column)? UndefinedAlias(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return ((int)alias.Start.Line, (int)alias.Start.Column);
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        anchors.Add(node.Anchor.Value);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // Located by the caller's fallback.
        }
        return null;
    }

    /// <summary>
    /// True when the text has too few nesting markers to nest deeper than <see cref="MaxDepth"/>: every level needs a
    /// '[', '{', '-' or ':' (or deeper indentation, which needs those too).
    /// </summary>
    private static bool CannotNestDeeply(string text)
    {
        var markers = 0;
        foreach (var c in text)
        {
            if (c is '[' or '{' or '-' or ':' or '?' && ++markers > MaxDepth)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The root node of the first document, or null for an empty text.</summary>
    public static (YamlNode? Root, YamlProblem? Problem) LoadRoot(string text)
    {
        var (stream, problem) = Load(text);
        if (stream is null)
        {
            return (null, problem);
        }
        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return (root is YamlScalarNode { Value: null or "" or "~" } ? null : root, null);
    }

    private static YamlProblem? PreScan(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.End;
                if (e is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    return new YamlProblem((int)e.Start.Line, (int)e.Start.Column, $"the YAML is nested more than {MaxDepth} levels deep");
                }
                if (e is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
            return null;
        }
        catch (YamlException ex)
        {
            return new YamlProblem((int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column), Describe(ex));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner throws this for some unterminated flow collections: the fault is after the last event.
            return new YamlProblem((int)Math.Max(1, last.Line), (int)Math.Max(1, last.Column), "unexpected content after this point (an unclosed '[', '{' or quote?)");
        }
    }

    /// <summary>True for YAML's null written plainly (<c>~</c>, <c>null</c>, or nothing): no value, not the text of it.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>YamlDotNet's message without its "(Line: 3, Col: 5, Idx: 20) - (…): " prefix.</summary>
    public static string Describe(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && dash > 0)
        {
            message = message[(dash + 3)..];
        }
        return message.Trim();
    }
}
