using Crosswalk.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Criteria;

/// <summary>
/// Typed access to the YAML nodes of a catalog or crosswalk file: a wrong shape, an unknown key or a missing value is a
/// CW3006 diagnostic at the node (YamlDotNet's marks are 1-based), never an exception.
/// </summary>
internal static class CatalogYaml
{
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return v;
            }
        }
        return null;
    }

    public static YamlNode? KeyOf(YamlMappingNode map, string key)
        => map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);

    public static void CheckKeys(YamlMappingNode map, string[] allowed, string what, Reporter r)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                r.Error(key.Start, $"unknown key '{name}' in {what}; expected {string.Join(", ", allowed)}");
            }
        }
    }

    public static T? Expect<T>(YamlNode node, string what, string expected, Reporter r) where T : YamlNode
    {
        if (node is T t)
        {
            return t;
        }
        r.Error(node.Start, $"{what} must be {expected}");
        return null;
    }

    public static string? ScalarValue(YamlNode node, string what, Reporter r)
    {
        if (node is YamlScalarNode s)
        {
            return (s.Value ?? "").Trim();
        }
        r.Error(node.Start, $"{what} must be a single value, not a list or mapping");
        return null;
    }

    public static string? OptionalScalar(YamlMappingNode map, string key, Reporter r)
    {
        if (Get(map, key) is not { } node)
        {
            return null;
        }
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" })
        {
            return "";
        }
        return ScalarValue(node, $"'{key}'", r);
    }

    public static string? RequiredScalar(YamlMappingNode map, string key, string owner, Reporter r, out YamlNode? node)
    {
        node = Get(map, key);
        if (node is null)
        {
            r.Error(map.Start, $"{owner} has no '{key}'");
            return null;
        }
        var value = OptionalScalar(map, key, r);
        if (value is null)
        {
            return null;
        }
        if (value.Length == 0)
        {
            r.Error(node.Start, $"{owner} has an empty '{key}'");
            return null;
        }
        return value;
    }

    public sealed class Reporter(string file, DiagnosticBag diagnostics)
    {
        public SourceLocation At(Mark mark) => new(file, Clamp(mark.Line), Clamp(mark.Column));

        public void Error(Mark mark, string message, string? help = null) => Error(Clamp(mark.Line), Clamp(mark.Column), message, help);

        public void Error(int line, int column, string message, string? help = null)
            => diagnostics.Report(DiagnosticDescriptors.InvalidCatalog, message, new SourceLocation(file, line, column), help);

        // YamlDotNet marks are 1-based; Mark.Empty is 0, which we show as the file's start.
        public static int Clamp(long value) => value < 1 ? 1 : value > int.MaxValue ? int.MaxValue : (int)value;
    }
}
