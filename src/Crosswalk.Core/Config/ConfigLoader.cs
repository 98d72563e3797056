using System.Text.RegularExpressions;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

/// <summary>Pipeline stage <c>LoadConfig</c>: reads site.yml into a <see cref="SiteConfig"/>, reporting CW1001 for every problem.</summary>
public static partial class ConfigLoader
{
    private static readonly string[] s_knownKeys =
        ["title", "base_url", "site_url", "source", "output", "templates", "catalogs", "mappings", "coverage", "redirects", "severity"];

    /// <summary>
    /// Loads <paramref name="configPath"/>. A missing file is reported unless <paramref name="allowMissing"/>,
    /// in which case defaults are used (source <c>content</c>, output <c>_site</c>). Returns null when the config is unusable.
    /// </summary>
    public static SiteConfig? Load(string configPath, DiagnosticBag diagnostics, bool allowMissing = false)
    {
        var fullPath = Path.GetFullPath(configPath);
        var root = Path.GetDirectoryName(fullPath)!;
        var file = Path.GetFileName(fullPath);
        if (!File.Exists(fullPath))
        {
            if (allowMissing)
            {
                return Defaults(fullPath, root);
            }
            diagnostics.Report(DiagnosticDescriptors.InvalidConfig, $"configuration file '{configPath}' does not exist", null);
            return null;
        }

        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(fullPath)).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidConfig, $"cannot read '{file}': {ex.Message}", new SourceLocation(file, 1, 1));
            return null;
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            var bytes = File.ReadAllBytes(fullPath);
            var offset = Math.Max(0, ex.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            var lineStart = bytes.AsSpan(0, Math.Min(offset, bytes.Length)).LastIndexOf((byte)'\n') + 1;
            var column = System.Text.Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1;
            diagnostics.Report(DiagnosticDescriptors.InvalidConfig, $"'{file}' is not valid UTF-8", new SourceLocation(file, line, column), "save it as UTF-8");
            return null;
        }
        return Parse(text, fullPath, diagnostics);
    }

    /// <summary>Parses site.yml text; <paramref name="fullPath"/> fixes the root folder and the file name in diagnostics.</summary>
    public static SiteConfig? Parse(string text, string fullPath, DiagnosticBag diagnostics)
    {
        var root = Path.GetDirectoryName(fullPath)!;
        var reader = new Reader(Path.GetFileName(fullPath), diagnostics);
        var (rootNode, problem) = SafeYaml.LoadRoot(text);
        if (problem is not null)
        {
            reader.Error(problem.Line, problem.Column, $"site.yml is not valid YAML: {problem.Message}");
            return null;
        }
        if (rootNode is null)
        {
            return Defaults(fullPath, root);
        }
        if (rootNode is not YamlMappingNode map)
        {
            reader.Error(rootNode, "site.yml must be a mapping of keys to values");
            return null;
        }

        var config = Defaults(fullPath, root);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: var key } || key is null)
            {
                reader.Error(keyNode, "keys in site.yml must be plain names");
                continue;
            }
            switch (key)
            {
                case "title": config = config with { Title = reader.String(key, value) ?? config.Title }; break;
                case "base_url": config = config with { BaseUrl = NormalizeBaseUrl(reader, value) ?? config.BaseUrl }; break;
                case "site_url": config = config with { SiteUrl = reader.String(key, value)?.TrimEnd('/') }; break;
                case "source": config = config with { SourceDirectory = reader.Path(key, value, root) ?? config.SourceDirectory }; break;
                case "output": config = config with { OutputDirectory = reader.Path(key, value, root) ?? config.OutputDirectory }; break;
                case "templates": config = config with { TemplatesDirectory = reader.Path(key, value, root) }; break;
                case "catalogs":
                    var cats = reader.StringList(key, value);
                    config = config with { Catalogs = cats.Select(c => c.Value).ToList(), CatalogLocations = cats.Select(c => c.Location).ToList() };
                    break;
                case "mappings": config = config with { Mappings = ReadMappings(reader, value) }; break;
                case "coverage": config = config with { Coverage = ReadCoverage(reader, value) }; break;
                case "redirects": config = config with { Redirects = ReadRedirects(reader, value) }; break;
                case "severity": config = config with { Severity = ReadSeverity(reader, value) }; break;
                default:
                    reader.Error(keyNode, $"unknown key '{key}' in site.yml", $"known keys: {string.Join(", ", s_knownKeys)}");
                    break;
            }
        }
        return reader.Failed ? null : config;
    }

    private static SiteConfig Defaults(string fullPath, string root) => new()
    {
        ConfigPath = fullPath,
        RootDirectory = root,
        SourceDirectory = Path.Combine(root, "content"),
        OutputDirectory = Path.Combine(root, "_site"),
    };

    private static string? NormalizeBaseUrl(Reader reader, YamlNode node)
    {
        var value = reader.String("base_url", node);
        if (value is null)
        {
            return null;
        }
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains('\\') || value.Contains("..", StringComparison.Ordinal))
        {
            reader.Error(node, $"base_url must be a path such as '/' or '/docs/', not '{value}'", "put the origin in site_url");
            return null;
        }
        return "/" + value.Trim('/') + (value.Trim('/').Length > 0 ? "/" : "");
    }

    private static List<MappingRule> ReadMappings(Reader reader, YamlNode node)
    {
        var rules = new List<MappingRule>();
        foreach (var item in reader.Sequence("mappings", node))
        {
            var fields = reader.Object("mappings", item, ["column", "catalog", "pages", "header"]);
            if (fields is null)
            {
                continue;
            }
            var column = reader.RequiredString("mappings", item, fields, "column");
            var catalog = reader.RequiredString("mappings", item, fields, "catalog");
            var pages = fields.TryGetValue("pages", out var p) ? reader.String("pages", p) : null;
            var header = fields.TryGetValue("header", out var h) ? reader.StringList("header", h).Select(x => x.Value).ToList() : null;
            if (column is not null && catalog is not null)
            {
                rules.Add(new MappingRule(column, catalog, pages, header, reader.Location(item)));
            }
        }
        return rules;
    }

    private static List<CoverageRule> ReadCoverage(Reader reader, YamlNode node)
    {
        var rules = new List<CoverageRule>();
        foreach (var item in reader.Sequence("coverage", node))
        {
            var fields = reader.Object("coverage", item, ["key", "documents", "catalog", "pages"]);
            if (fields is null)
            {
                continue;
            }
            var key = reader.RequiredString("coverage", item, fields, "key");
            var docs = reader.RequiredString("coverage", item, fields, "documents");
            var catalog = reader.RequiredString("coverage", item, fields, "catalog");
            var pages = fields.TryGetValue("pages", out var p) ? reader.String("pages", p) : null;
            if (key is not null && docs is not null && catalog is not null)
            {
                rules.Add(new CoverageRule(key, docs, catalog, pages, reader.Location(item)));
            }
        }
        return rules;
    }

    private static List<(string, string, SourceLocation)> ReadRedirects(Reader reader, YamlNode node)
    {
        var list = new List<(string, string, SourceLocation)>();
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, "'redirects' must be a mapping of old URL to new URL");
            return list;
        }
        foreach (var (k, v) in map.Children)
        {
            var from = reader.String("redirects", k);
            var to = reader.String("redirects", v);
            if (from is null || to is null)
            {
                continue;
            }
            if (!from.StartsWith('/'))
            {
                reader.Error(k, $"redirect source '{from}' must start with '/'");
                continue;
            }
            list.Add((from, to, reader.Location(k)));
        }
        return list;
    }

    private static Dictionary<string, Severity> ReadSeverity(Reader reader, YamlNode node)
    {
        var result = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, "'severity' must be a mapping of diagnostic code to error, warning, info or off");
            return result;
        }
        foreach (var (k, v) in map.Children)
        {
            var code = reader.String("severity", k);
            var level = reader.String("severity", v);
            if (code is null || level is null)
            {
                continue;
            }
            if (!CodePattern().IsMatch(code))
            {
                reader.Error(k, $"'{code}' is not a diagnostic code", "codes look like CW2001");
                continue;
            }
            if (!Enum.TryParse<Severity>(level, ignoreCase: true, out var sev) || int.TryParse(level, out _))
            {
                reader.Error(v, $"unknown severity '{level}' for {code}", "use error, warning, info or off");
                continue;
            }
            result[code] = sev;
        }
        return result;
    }

    [GeneratedRegex("^CW[1-5][0-9]{3}$")]
    private static partial Regex CodePattern();

    /// <summary>Typed access to YAML nodes that reports CW1001 with the node's position.</summary>
    private sealed class Reader(string file, DiagnosticBag diagnostics)
    {
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
            if (value.Length == 0)
            {
                Error(node, $"'{key}' must not be empty");
                return null;
            }
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(root, value));
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
}
