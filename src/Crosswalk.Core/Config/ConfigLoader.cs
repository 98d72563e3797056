using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

/// <summary>Pipeline stage <c>LoadConfig</c>: reads site.yml into a <see cref="SiteConfig"/>, reporting CW1001 for every problem.</summary>
public static class ConfigLoader
{
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
                return Profiles.SiteProfiles.Resolve(Defaults(fullPath, root), null, hasSiteYml: false, diagnostics);
            }
            diagnostics.Report(DiagnosticDescriptors.InvalidConfig, $"configuration file '{configPath}' does not exist", null);
            return null;
        }

        string text;
        byte[] digest;
        try
        {
            var read = File.ReadAllBytes(fullPath);
            digest = System.Security.Cryptography.SHA256.HashData(read);
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(read).TrimStart('\uFEFF');
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
        return Parse(text, fullPath, diagnostics) is { } config ? config with { SourceDigest = digest } : null;
    }

    /// <summary>Parses site.yml text; <paramref name="fullPath"/> fixes the root folder and the file name in diagnostics.</summary>
    public static SiteConfig? Parse(string text, string fullPath, DiagnosticBag diagnostics)
    {
        var root = Path.GetDirectoryName(fullPath)!;
        var reader = new ConfigReader(Path.GetFileName(fullPath), diagnostics);
        var (rootNode, problem) = SafeYaml.LoadRoot(text);
        if (problem is not null)
        {
            reader.Error(problem.Line, problem.Column, $"site.yml is not valid YAML: {problem.Message}");
            return null;
        }
        if (rootNode is null)
        {
            return Profiles.SiteProfiles.Resolve(Defaults(fullPath, root), null, hasSiteYml: true, diagnostics);
        }
        if (rootNode is not YamlMappingNode map)
        {
            reader.Error(rootNode, "site.yml must be a mapping of keys to values");
            return null;
        }

        // The profile comes first: it sets what the generator's own configuration says, and the keys below refine it.
        var config = Profiles.SiteProfiles.Resolve(Defaults(fullPath, root), ReadProfile(reader, map), hasSiteYml: true, diagnostics);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: var key } || key is null)
            {
                reader.Error(keyNode, "keys in site.yml must be plain names");
                continue;
            }
            if (SiteKeys.Find(key) is { } known)
            {
                config = known.Read(reader, value, config);
            }
            else
            {
                reader.Error(keyNode, $"unknown key '{key}' in site.yml",
                    DidYouMean.Help(key, SiteKeys.All.Select(k => k.Name)) ?? $"known keys: {string.Join(", ", SiteKeys.All.Select(k => k.Name))}");
            }
        }
        config = SiteKeys.Validate(reader, config);
        return reader.Failed ? null : config;
    }

    private static string? ReadProfile(ConfigReader reader, YamlMappingNode map)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("profile"), out var node))
        {
            return null;
        }
        var name = reader.String("profile", node);
        if (name is not null && !Profiles.SiteProfiles.Names.Contains(name))
        {
            reader.Error(node, $"unknown profile '{name}'",
                DidYouMean.Help(name, Profiles.SiteProfiles.Names) ?? $"profiles: {string.Join(", ", Profiles.SiteProfiles.Names)}");
            return null;
        }
        return name;
    }

    private static SiteConfig Defaults(string fullPath, string root) => new()
    {
        ConfigPath = fullPath,
        RootDirectory = root,
        SourceDirectory = Path.Combine(root, "content"),
        OutputDirectory = Path.Combine(root, "_site"),
    };
}
