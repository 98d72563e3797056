using System.Text.Json;
using System.Text.Json.Nodes;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config.Profiles;

/// <summary>A path or value in a generator's configuration that a profile will not use; reported as CW1012.</summary>
internal sealed class ProfileRefusal(string message) : Exception(message);

/// <summary>What a profile reads the generator's files with: the site's root, and CW1012 for what it cannot read.</summary>
internal sealed class ProfileContext(string root, DiagnosticBag diagnostics)
{
    /// <summary>The folder the generator's configuration sits in (site.yml's folder, or the working folder).</summary>
    public string Root { get; } = root;

    /// <summary>
    /// How far a generator's paths may reach: the repository the root is in (the nearest folder above it with <c>.git</c>),
    /// else the root's parent, as Docusaurus in <c>website/</c> reads <c>../docs</c>; never the file system's root.
    /// </summary>
    public string Boundary { get; } = BoundaryOf(root);

    private static string BoundaryOf(string root)
    {
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.Parent is null ? root : dir.FullName;
            }
        }
        var parent = Directory.GetParent(Path.TrimEndingDirectorySeparator(root));
        return parent is null || parent.Parent is null ? root : parent.FullName;
    }

    /// <summary>The most a generator's configuration file may hold: more is not a configuration (a device, a dump).</summary>
    private const int MaxChars = 16 << 20;

    /// <summary>
    /// The absolute path of <paramref name="relative"/> under the root. A path from a generator's configuration is the
    /// tree's text: one that leaves the repository (<c>docs_dir: /</c>, <c>$ref: ../../etc</c>), or is no path, is refused.
    /// </summary>
    /// <exception cref="ProfileRefusal">The path is not inside the <see cref="Boundary"/>.</exception>
    public string PathOf(string relative)
    {
        if (relative.Contains('\0') || relative.Any(char.IsControl))
        {
            throw new ProfileRefusal($"'{relative}' is not a path");
        }
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!Content.FolderPaths.IsSameOrInside(Boundary, full))
        {
            throw new ProfileRefusal($"'{relative}' leads outside the repository's folder");
        }
        // A folder or file that is a link leading out of the root is refused too (static -> /proc/self).
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
            && !Content.FolderPaths.IsSameOrInside(Boundary, target.FullName))
        {
            throw new ProfileRefusal($"'{relative}' is a link leading outside the repository's folder");
        }
        return full;
    }

    /// <summary>True when the file exists under the root (a refused path is no file).</summary>
    public bool FileExists(string relative) => Safely(relative) is { } path && File.Exists(path);

    /// <summary>True when the folder exists under the root (a refused path is no folder).</summary>
    public bool FolderExists(string relative) => Safely(relative) is { } path && Directory.Exists(path);

    private string? Safely(string relative)
    {
        try
        {
            return PathOf(relative);
        }
        catch (ProfileRefusal)
        {
            return null;
        }
    }

    /// <summary>Reports CW1012 at a place in one of the generator's files.</summary>
    public void Warn(string file, int line, int column, string message, string? help = null) =>
        diagnostics.Report(DiagnosticDescriptors.GeneratorConfig, message, new SourceLocation(file, Math.Max(1, line), Math.Max(1, column)), help);

    private readonly SortedSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The absolute paths of the generator's files read (what <c>serve</c> watches besides site.yml).</summary>
    public IReadOnlyCollection<string> FilesRead => _read;

    /// <summary>The text of a file under the root, or null (reported) when it cannot be read.</summary>
    public string? ReadText(string relative)
    {
        var path = PathOf(relative);
        // Each file is read once: docs.json is parsed and searched for its redirects' lines, a $ref'd file named twice.
        if (_texts.TryGetValue(path, out var known))
        {
            return known;
        }
        _read.Add(path);
        return _texts[path] = Load(relative, path);
    }

    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);

    private string? Load(string relative, string path)
    {
        try
        {
            // Read at most MaxChars: a 'configuration' that never ends (/dev/zero) is not read to the end.
            using var reader = new StreamReader(path);
            var text = new System.Text.StringBuilder();
            var chunk = new char[64 * 1024];
            for (int read; (read = reader.Read(chunk)) > 0;)
            {
                if (text.Length + read > MaxChars)
                {
                    Warn(relative, 1, 1, $"'{relative}' is larger than 16 MiB; it is not read");
                    return null;
                }
                text.Append(chunk, 0, read);
            }
            return text.ToString().TrimStart('\uFEFF');
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
