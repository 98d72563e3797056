using System.Globalization;
using System.Text;

namespace Crosswalk.Benchmarks;

/// <summary>
/// The one page the benchmarks edit, and the edit: its first body line (after the front matter) gets a numbered
/// sentence in front, in the Crosswalk copy and in Hugo's copy alike. Edit <c>k</c> always gives the same bytes.
/// </summary>
internal sealed class PageEdit
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly (string Path, byte[] Original)[] _files;

    private PageEdit(string relativePath, string url, (string Path, byte[] Original)[] files)
    {
        RelativePath = relativePath;
        Url = url;
        _files = files;
    }

    /// <summary>The edited page's path under <c>content/</c>, with <c>/</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The edited page's URL path in the Crosswalk site, e.g. <c>/a01-governance/t01-privacy/policy-003/</c>.</summary>
    public string Url { get; }

    /// <summary>The file the Crosswalk site reads.</summary>
    public string CrosswalkFile => _files[0].Path;

    /// <summary>Its bytes before any edit.</summary>
    public byte[] Original => _files[0].Original;

    /// <summary>
    /// A leaf page in the middle of the corpus (in path order): editing it touches its own links and the pages that
    /// link to it, as a typical edit does.
    /// </summary>
    public static PageEdit Choose(string corpusDirectory)
    {
        var content = Path.Combine(corpusDirectory, "content");
        var leaves = Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.md")
            .Select(f => Path.GetRelativePath(content, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var relative = leaves.Count > 0 ? leaves[leaves.Count / 2] : "index.md";
        var url = relative == "index.md" ? "/" : "/" + relative[..^".md".Length] + "/";
        var files = new List<(string, byte[])> { Read(Path.Combine(content, relative)) };
        var hugo = Path.Combine(corpusDirectory, "hugo", "content", relative);
        if (relative != "index.md" && File.Exists(hugo))
        {
            files.Add(Read(hugo));
        }
        return new PageEdit(relative, url, [.. files]);
    }

    /// <summary>Writes edit <paramref name="number"/> into every copy of the page (each write replaces the last edit).</summary>
    public void Apply(int number)
    {
        foreach (var (path, original) in _files)
        {
            File.WriteAllBytes(path, Edited(original, number));
        }
    }

    /// <summary>Puts the original bytes back.</summary>
    public void Restore()
    {
        foreach (var (path, original) in _files)
        {
            File.WriteAllBytes(path, original);
        }
    }

    /// <summary>The marker text edit <paramref name="number"/> puts into the page (what the reloaded page shows).</summary>
    public static string Marker(int number) => string.Create(CultureInfo.InvariantCulture, $"Benchmark edit {number}.");

    /// <summary><paramref name="original"/> with <see cref="Marker"/> in front of the first non-empty line after the front matter.</summary>
    public static byte[] Edited(byte[] original, int number)
    {
        var text = Utf8.GetString(original);
        var lines = text.Split('\n');
        var start = 0;
        if (lines.Length > 0 && lines[0].TrimEnd('\r') == "---")
        {
            start = Array.FindIndex(lines, 1, l => l.TrimEnd('\r') == "---") + 1;
        }
        var target = Array.FindIndex(lines, Math.Max(0, start), l => l.Trim().Length > 0 && !l.StartsWith('#'));
        if (target < 0)
        {
            return Utf8.GetBytes(text + "\n" + Marker(number) + "\n");
        }
        lines[target] = Marker(number) + " " + lines[target];
        return Utf8.GetBytes(string.Join('\n', lines));
    }

    private static (string, byte[]) Read(string path) => (path, File.ReadAllBytes(path));
}
