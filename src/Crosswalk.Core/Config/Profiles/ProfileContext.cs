using System.Text.Json;
using System.Text.Json.Nodes;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config.Profiles;

/// <summary>What a profile reads the generator's files with: the site's root, and CW1012 for what it cannot read.</summary>
internal sealed class ProfileContext(string root, DiagnosticBag diagnostics)
{
    /// <summary>The folder the generator's configuration sits in (site.yml's folder, or the working folder).</summary>
    public string Root { get; } = root;

    /// <summary>The absolute path of <paramref name="relative"/> under the root.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>True when the file exists under the root.</summary>
    public bool FileExists(string relative) => File.Exists(PathOf(relative));

    /// <summary>True when the folder exists under the root.</summary>
    public bool FolderExists(string relative) => Directory.Exists(PathOf(relative));

    /// <summary>Reports CW1012 at a place in one of the generator's files.</summary>
    public void Warn(string file, int line, int column, string message, string? help = null) =>
        diagnostics.Report(DiagnosticDescriptors.GeneratorConfig, message, new SourceLocation(file, Math.Max(1, line), Math.Max(1, column)), help);

    /// <summary>The text of a file under the root, or null (reported) when it cannot be read.</summary>
    public string? ReadText(string relative)
    {
        try
        {
            return File.ReadAllText(PathOf(relative)).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warn(relative, 1, 1, $"cannot read '{relative}': {ex.Message}");
            return null;
        }
    }

    /// <summary>The root node of a YAML file, or null (reported) when it is absent, unreadable or not YAML.</summary>
    public YamlNode? ReadYaml(string relative)
    {
        if (ReadText(relative) is not { } text)
        {
            return null;
        }
        var (root, problem) = SafeYaml.LoadRoot(text);
        if (problem is not null)
        {
            Warn(relative, problem.Line, problem.Column, $"'{relative}' is not valid YAML: {problem.Message}");
            return null;
        }
        return root;
    }

    /// <summary>The root of a JSON file (comments and trailing commas allowed), or null (reported).</summary>
    public JsonNode? ReadJsonNode(string relative)
    {
        if (ReadText(relative) is not { } text)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = 64,
            });
        }
        catch (JsonException ex)
        {
            Warn(relative, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, $"'{relative}' is not valid JSON: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ');
}
