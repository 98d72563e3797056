using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

/// <summary>Typed access to YAML nodes that reports CW1001 with the node's position.</summary>
internal sealed class ConfigReader(string file, DiagnosticBag diagnostics)
{
    /// <summary>The file read, as diagnostics name it.</summary>
    public string File => file;

    public bool Failed { get; private set; }

    public SourceLocation Location(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message, string? help = null) => Error((int)node.Start.Line, (int)node.Start.Column, message, help);

    public void Error(int line, int column, string message, string? help = null)
    {
        Failed = true;
        diagnostics.Report(DiagnosticDescriptors.InvalidConfig, message, new SourceLocation(file, Math.Max(1, line), Math.Max(1, column)), help);
    }

    public string? String(string key, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }
        Error(node, $"'{key}' must be a string, not a {Describe(node)}");
        return null;
    }

    public string? Path(string key, YamlNode node, string root)
    {
        var value = String(key, node);
        if (value is null)
        {
            return null;
        }
        // `output: ~` is YAML's null, not a folder named '~'.
        if (value.Length == 0 || SafeYaml.IsNull(node))
        {
            Error(node, $"'{key}' must name a folder, not be empty or null");
            return null;
        }
        if (value.Contains('\0'))
        {
            Error(node, $"'{key}' must name a folder, not hold a NUL character");
            return null;
        }
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, value));
        // The root of a drive would make a build walk, or replace, the whole disk.
        if (string.Equals(full, System.IO.Path.GetPathRoot(full), StringComparison.Ordinal))
        {
            Error(node, $"'{key}' must not be the root of the file system ('{full}')", "name a folder inside the site, such as content or _site");
            return null;
        }
        // The home folder (or one above it) would be walked whole as a source, or replaced as an output.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && Content.FolderPaths.IsSameOrInside(full, System.IO.Path.GetFullPath(home)))
        {
            Error(node, $"'{key}' must not be the home folder or a folder above it ('{full}')", "name a folder inside the site, such as content or _site");
            return null;
        }
        // What the build reads stays in the site's tree: its folder, or the git repository it is part of.
        if (key is "source" or "templates" or "static" && !Content.FolderPaths.IsSameOrInside(TreeOf(root), full))
        {
            Error(node, $"'{key}' ('{full}') is outside the site's folder and its git repository", "name a folder inside the site or its repository");
            return null;
        }
        return full;
    }

    // The git repository holding the site's folder (the nearest folder above it with .git), or the site's folder.
    private static string TreeOf(string root)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(root)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, ".git")) || System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }
        return System.IO.Path.GetFullPath(root);
    }

    /// <summary>
    /// The entries of a mapping of text to text (redirects, severity, front_matter), each with its nodes for locating
    /// problems; an entry whose key or value is not text is reported and left out.
    /// </summary>
    public List<(string Key, YamlNode KeyNode, string Value, YamlNode ValueNode)> Pairs(string key, YamlNode node, string notAMapping)
    {
        var pairs = new List<(string, YamlNode, string, YamlNode)>();
        if (node is not YamlMappingNode map)
        {
            Error(node, notAMapping);
            return pairs;
        }
        foreach (var (k, v) in map.Children)
        {
            var name = String(key, k);
            var value = String(key, v);
            if (name is not null && value is not null)
            {
                pairs.Add((name, k, value, v));
            }
        }
        return pairs;
    }

    public IEnumerable<YamlNode> Sequence(string key, YamlNode node)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq.Children;
        }
        Error(node, $"'{key}' must be a list, not a {Describe(node)}");
        return [];
    }

    public List<(string Value, SourceLocation Location)> StringList(string key, YamlNode node) =>
        Sequence(key, node).Select(n => (Value: String(key, n), Location: Location(n)))
            .Where(x => x.Value is not null).Select(x => (x.Value!, x.Location)).ToList();

    public Dictionary<string, YamlNode>? Object(string key, YamlNode node, string[] allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"each '{key}' entry must be a mapping, not a {Describe(node)}");
            return null;
        }
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                Error(k, $"unknown key '{name}' in '{key}' entry", $"known keys: {string.Join(", ", allowed)}");
                continue;
            }
            fields[name] = v;
        }
        return fields;
    }

    public string? RequiredString(string key, YamlNode item, Dictionary<string, YamlNode> fields, string name)
    {
        if (fields.TryGetValue(name, out var node))
        {
            var value = String(name, node);
            if (value is { Length: 0 })
            {
                Error(node, $"'{name}' in '{key}' entry must not be empty");
                return null;
            }
            return value;
        }
        Error(item, $"'{key}' entry is missing '{name}'");
        return null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "scalar",
    };
}
