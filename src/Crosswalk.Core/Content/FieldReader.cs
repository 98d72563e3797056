using System.Globalization;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Content;

/// <summary>
/// Reads one page's front-matter values as the types of <see cref="FrontMatterSchema"/>, reporting a wrong type or value
/// as CW1003 at the value. Each method returns null (and reports) when the value cannot be used.
/// </summary>
public sealed class FieldReader(string file, DiagnosticBag diagnostics)
{
    /// <summary>The key being read; diagnostics name it.</summary>
    public string Key { get; internal set; } = "";

    /// <summary>The key's node: a value that stands before it came through an alias and is reported where it is used.</summary>
    internal YamlNode? UsedAt { get; set; }

    /// <summary>The page's file as reported.</summary>
    public string File => file;

    /// <summary>How many lines of the file stand before the YAML: 1 for the opening '---', 0 for a YAML-first block.</summary>
    internal int LineOffset { get; init; } = 1;

    /// <summary>Where <paramref name="node"/> is written (1-based).</summary>
    public SourceLocation Location(YamlNode node)
    {
        var at = UsedAt is not null && node.Start.Line < UsedAt.Start.Line ? UsedAt : node;
        return new SourceLocation(file, (int)at.Start.Line + LineOffset, (int)at.Start.Column);
    }

    /// <summary>True when <paramref name="node"/> came through an alias and is reported where it is used.</summary>
    public bool IsAliased(YamlNode node) => UsedAt is not null && node.Start.Line < UsedAt.Start.Line;

    /// <summary>Reports CW1003 at <paramref name="node"/>.</summary>
    public void Error(YamlNode node, string message, string? help = null) =>
        diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatterField, message, Location(node), help);

    /// <summary>A single value.</summary>
    public string? Text(YamlNode node)
    {
        if (node is YamlScalarNode s)
        {
            return s.Value ?? "";
        }
        Error(node, $"'{Key}' must be a single value, not a {Describe(node)}");
        return null;
    }

    /// <summary>A single value that is not empty (a person, a version).</summary>
    public string? NonEmpty(YamlNode node, string example)
    {
        var text = Text(node);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error(node, $"'{Key}' must not be empty", $"write a value such as {example}");
            return null;
        }
        return text?.Trim();
    }

    /// <summary>A whole number.</summary>
    public int? Integer(YamlNode node)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        Error(node, $"{Key} must be an integer, not '{text}'");
        return null;
    }

    /// <summary>A finite number, whole or not.</summary>
    public double? Number(YamlNode node)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
        {
            return n;
        }
        Error(node, $"{Key} must be a number, not '{text}'");
        return null;
    }

    /// <summary><c>true</c>/<c>false</c> (also <c>yes</c>/<c>no</c>).</summary>
    public bool? Boolean(YamlNode node)
    {
        if (Text(node) is not { } text)
        {
            return null;
        }
        if (Config.YamlBoolean.Parse(text) is { } value)
        {
            return value;
        }
        Error(node, $"'{Key}' must be true or false, not '{text}'");
        return null;
    }

    /// <summary>An ISO calendar date, <c>2027-05-20</c>.</summary>
    public DateOnly? Date(YamlNode node)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Error(node, $"'{Key}' must be an ISO date such as 2027-05-20, not '{text}'", "write the date as YYYY-MM-DD");
        return null;
    }

    /// <summary>A review interval, <c>12 months</c>.</summary>
    public ReviewInterval? Duration(YamlNode node)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }
        if (ReviewInterval.Parse(text) is { } interval)
        {
            return interval;
        }
        Error(node, $"'{Key}' must be a duration such as '12 months', '1 year', '6 weeks' or '90 days', not '{text}'");
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, ignoring case; returned as written in <paramref name="choices"/>.</summary>
    public string? Choice(YamlNode node, IReadOnlyList<string> choices)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }
        if (choices.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return choice;
        }
        Error(node, $"'{Key}' must be {string.Join(" or ", choices)}, not '{text}'", DidYouMean.Help(text, choices));
        return null;
    }

    /// <summary>One value or a list of values; the items, with where each is written.</summary>
    public List<(string Value, YamlNode Node)> List(YamlNode node)
    {
        var result = new List<(string, YamlNode)>();
        if (node is YamlMappingNode)
        {
            Error(node, $"'{Key}' must be a value or a list, not a mapping");
            return result;
        }
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } value })
            {
                result.Add((value, item));
            }
            else
            {
                Error(item, $"each item of '{Key}' must be a single value, not a {Describe(item)}");
            }
        }
        return result;
    }

    /// <summary>Reads <paramref name="node"/> as <paramref name="kind"/> only to report a wrong type (a key declared in site.yml).</summary>
    public void Check(FieldKind kind, YamlNode node)
    {
        _ = kind switch
        {
            FieldKind.Text or FieldKind.Choice => Text(node),
            FieldKind.Person => NonEmpty(node, "a name or role"),
            FieldKind.Integer => Integer(node),
            FieldKind.Number => Number(node),
            FieldKind.Boolean => Boolean(node),
            FieldKind.Date => Date(node),
            FieldKind.Duration => Duration(node),
            FieldKind.List or FieldKind.People => List(node),
            _ => (object?)null,
        };
    }

    /// <summary>What a node is, in words.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}
