using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Crosswalk.Config;

/// <summary>
/// Reads the plain subset of YAML that nearly all front matter is written in, and gives the same parsing events,
/// marks included, as YamlDotNet's parser: a mapping of simple keys to plain or quoted scalars (no escapes), flow
/// sequences and mappings on one line, and one level of block sequence or mapping below a key. Anything else (comments,
/// tabs, carriage returns, non-ASCII text, anchors, tags, multi-line or block scalars, deeper nesting) gets null, and
/// the caller uses YamlDotNet's parser. It exists for speed: YamlDotNet's scanner costs more than the rest of reading
/// a small page's front matter.
/// </summary>
internal sealed class PlainYaml
{
    private readonly string _text;
    private readonly List<ParsingEvent> _events = [];
    private readonly int[] _lineStarts;
    private int _pos;
    private int _depth;

    private PlainYaml(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    /// <summary>The events of <paramref name="text"/>, or null when it is outside the subset.</summary>
    public static IReadOnlyList<ParsingEvent>? TryParse(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('\n' or (>= ' ' and <= '~')) || c is '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '\\' or '?')
            {
                return null;
            }
        }
        // Front matter ends with a line break; without one, YamlDotNet's last marks depend on how the last line ends.
        if (text.Length == 0 || !IsKeyChar(text[0]) || text[0] == '-' || text[^1] != '\n')
        {
            return null;
        }
        var parser = new PlainYaml(text);
        return parser.Document() ? parser._events : null;
    }

    /// <summary>An <see cref="IParser"/> over events read before.</summary>
    public sealed class Events(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }

    private Mark At(int index)
    {
        var line = Array.BinarySearch(_lineStarts, index);
        line = line >= 0 ? line : ~line - 1;
        return new Mark(index, line + 1, index - _lineStarts[line] + 1);
    }

    private bool Document()
    {
        var start = At(0);
        _events.Add(new StreamStart(start, start));
        // YamlDotNet's parser hands every document the two default tag handles.
        var tags = new TagDirectiveCollection();
        foreach (var tag in Constants.DefaultTagDirectives)
        {
            tags.Add(tag);
        }
        _events.Add(new DocumentStart(null, tags, true, start, start));
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start));
        while (true)
        {
            SkipBlankLines();
            if (_pos >= _text.Length)
            {
                break;
            }
            if (!BlockEntry(indent: 0))
            {
                return false;
            }
        }
        var end = At(_text.Length);
        _events.Add(new MappingEnd(end, end));
        _events.Add(new DocumentEnd(true, end, end));
        _events.Add(new StreamEnd(end, end));
        return true;
    }

    private void SkipBlankLines()
    {
        while (_pos < _text.Length)
        {
            var end = LineEnd(_pos);
            if (!_text.AsSpan(_pos, end - _pos).IsWhiteSpace())
            {
                return;
            }
            _pos = end + 1;
        }
    }

    private int LineEnd(int from) => _text.IndexOf('\n', from);

    /// <summary>Indentation of the next non-blank line, or -1 at the end.</summary>
    private int NextIndent()
    {
        SkipBlankLines();
        if (_pos >= _text.Length)
        {
            return -1;
        }
        var i = _pos;
        while (i < _text.Length && _text[i] == ' ')
        {
            i++;
        }
        return i - _pos;
    }

    /// <summary>One <c>key: value</c> line at <paramref name="indent"/> (with a nested block below a top-level key).</summary>
    private bool BlockEntry(int indent)
    {
        var lineEnd = LineEnd(_pos);
        var keyStart = _pos + indent;
        var colon = keyStart;
        while (colon < lineEnd && IsKeyChar(_text[colon]))
        {
            colon++;
        }
        // YamlDotNet refuses a simple key longer than 1024 characters.
        if (colon == keyStart || colon >= lineEnd || _text[colon] != ':' || _text[keyStart] == '-' || colon - keyStart > 1024)
        {
            return false;
        }
        AddScalar(keyStart, colon, ScalarStyle.Plain, isKey: true);
        if (colon + 1 == lineEnd)
        {
            _pos = lineEnd + 1;
            return indent == 0 ? NestedBlock(colon + 1) : EmptyValue(colon + 1);
        }
        return _text[colon + 1] == ' ' && LineValue(colon + 1, lineEnd);
    }

    /// <summary>The value after an indicator at <paramref name="from"/>, which must fill the rest of the line; moves to the next line.</summary>
    private bool LineValue(int from, int lineEnd)
    {
        var p = SkipSpaces(from, lineEnd);
        if (!InlineValue(ref p, lineEnd, flow: false) || SkipSpaces(p, lineEnd) != lineEnd)
        {
            return false;
        }
        // The text ends with a line break (TryParse checks), so every line has one.
        _pos = lineEnd + 1;
        return true;
    }

    private bool EmptyValue(int at)
    {
        AddScalar(at, at, ScalarStyle.Plain, isKey: false);
        return true;
    }

    /// <summary>What follows <c>key:</c> at the end of a line: nothing, a block sequence or a block mapping, indented.</summary>
    private bool NestedBlock(int afterColon)
    {
        var save = _pos;
        var indent = NextIndent();
        if (indent <= 0)
        {
            _pos = save;
            return EmptyValue(afterColon);
        }
        var first = _pos + indent;
        if (_text[first] == '-')
        {
            _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, At(first), At(first)));
            while (NextIndent() == indent && _text[_pos + indent] == '-')
            {
                var lineEnd = LineEnd(_pos);
                var dash = _pos + indent;
                if (dash + 1 >= lineEnd || _text[dash + 1] != ' ' || !LineValue(dash + 1, lineEnd))
                {
                    return false;
                }
            }
        }
        else
        {
            _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, At(first), At(first)));
            while (NextIndent() == indent && _text[_pos + indent] != '-')
            {
                if (!BlockEntry(indent))
                {
                    return false;
                }
            }
        }
        // The block ends at the next top-level key (or the end, where _pos then stands); any other indentation is
        // outside the subset.
        var next = NextIndent();
        if (next > 0)
        {
            return false;
        }
        var end = At(_pos);
        _events.Add(_text[first] == '-' ? new SequenceEnd(end, end) : new MappingEnd(end, end));
        return true;
    }

    private int SkipSpaces(int p, int end)
    {
        while (p < end && _text[p] == ' ')
        {
            p++;
        }
        return p;
    }

    /// <summary>A scalar, flow sequence or (outside a flow) flow mapping starting at <paramref name="p"/>.</summary>
    private bool InlineValue(ref int p, int end, bool flow)
    {
        if (p >= end)
        {
            return false;
        }
        switch (_text[p])
        {
            case '"' or '\'':
                return Quoted(ref p, end);
            case '[':
                return FlowCollection(ref p, end, mapping: false);
            case '{' when !flow:
                return FlowCollection(ref p, end, mapping: true);
            default:
                return Plain(ref p, end, flow);
        }
    }

    private bool Quoted(ref int p, int end)
    {
        var quote = _text[p];
        var close = _text.IndexOf(quote, p + 1, end - p - 1);
        if (close < 0)
        {
            return false;
        }
        AddScalar(p, close + 1, quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, isKey: false, p + 1, close);
        p = close + 1;
        return true;
    }

    private bool Plain(ref int p, int end, bool flow)
    {
        var start = p;
        // A leading ',' is a flow entry to YamlDotNet even outside a flow collection.
        if (!IsPlainChar(_text[p], flow) || _text[p] is '-' or ' ' or ',')
        {
            return false;
        }
        var last = p;
        while (p < end && IsPlainChar(_text[p], flow))
        {
            if (_text[p] != ' ')
            {
                last = p;
            }
            p++;
        }
        p = last + 1;
        AddScalar(start, p, ScalarStyle.Plain, isKey: false);
        return true;
    }

    /// <summary>A flow sequence <c>[a, b]</c> or mapping <c>{ k: v }</c> on one line, without a trailing comma.</summary>
    private bool FlowCollection(ref int p, int end, bool mapping)
    {
        // Nested collections recurse: deep ones are left to YamlDotNet (and SafeYaml's depth check).
        if (++_depth > SafeYaml.MaxDepth)
        {
            return false;
        }
        var open = At(p);
        _events.Add(mapping
            ? new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, open, open)
            : new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, open, open));
        var close = mapping ? '}' : ']';
        p = SkipSpaces(p + 1, end);
        var empty = p < end && _text[p] == close;
        while (!empty)
        {
            if ((mapping && !FlowKey(ref p, end)) || !InlineValue(ref p, end, flow: true))
            {
                return false;
            }
            p = SkipSpaces(p, end);
            if (p < end && _text[p] == close)
            {
                break;
            }
            if (p >= end || _text[p] != ',')
            {
                return false;
            }
            p = SkipSpaces(p + 1, end);
        }
        var at = At(p);
        _events.Add(mapping ? new MappingEnd(at, at) : new SequenceEnd(at, at));
        p++;
        _depth--;
        return true;
    }

    /// <summary>A flow mapping's <c>key: </c>, leaving <paramref name="p"/> at its value.</summary>
    private bool FlowKey(ref int p, int end)
    {
        var keyStart = p;
        while (p < end && IsKeyChar(_text[p]))
        {
            p++;
        }
        if (p == keyStart || _text[keyStart] == '-' || p + 1 >= end || _text[p] != ':' || _text[p + 1] != ' ')
        {
            return false;
        }
        AddScalar(keyStart, p, ScalarStyle.Plain, isKey: true);
        p = SkipSpaces(p + 1, end);
        return true;
    }

    private void AddScalar(int start, int end, ScalarStyle style, bool isKey, int valueStart = -1, int valueEnd = -1)
    {
        var value = valueStart < 0 ? _text[start..end] : _text[valueStart..valueEnd];
        var plain = style == ScalarStyle.Plain;
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value, style, plain, !plain, At(start), At(end), isKey));
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    // Letters, digits, space and a few punctuation marks that mean nothing to YAML anywhere in a scalar.
    private static bool IsPlainChar(char c, bool flow) =>
        char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '-' or '/' or '+' or '(' or ')' or '=' or '~' or ';' or '$' || (!flow && c is ',');
}
