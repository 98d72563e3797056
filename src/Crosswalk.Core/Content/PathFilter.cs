using System.Text.RegularExpressions;

namespace Crosswalk.Content;

/// <summary>
/// <c>exclude:</c> globs over source paths. A path is left out when an exclude glob matches it; a glob written with a
/// leading <c>!</c> keeps what it names (and everything under it) even so, as Jekyll's <c>include:</c> does.
/// </summary>
public sealed class PathFilter
{
    private readonly Regex[] _exclude;
    private readonly Regex[] _keep;
    private readonly string[] _keepPrefixes;

    /// <summary>A filter that leaves nothing out.</summary>
    public static PathFilter None { get; } = new([]);

    /// <summary>Compiles <paramref name="globs"/>.</summary>
    public PathFilter(IEnumerable<string> globs)
    {
        var list = globs.ToList();
        _exclude = [.. list.Where(g => !g.StartsWith('!')).Select(Criteria.Glob.ToRegex)];
        var keep = list.Where(g => g.StartsWith('!')).Select(g => g[1..].Trim('/')).Where(g => g.Length > 0).ToList();
        _keep = [.. keep.SelectMany(g => new[] { g, g + "/**" }).Select(Criteria.Glob.ToRegex)];
        _keepPrefixes = [.. keep];
    }

    /// <summary>True when the file or folder at <paramref name="relativePath"/> (with <c>/</c>) is left out.</summary>
    public bool Excludes(string relativePath) =>
        _exclude.Length > 0 && _exclude.Any(r => r.IsMatch(relativePath)) && !_keep.Any(r => r.IsMatch(relativePath));

    /// <summary>True when nothing under the folder can be kept: the walk need not enter it.</summary>
    public bool ExcludesFolder(string relativeFolder) =>
        Excludes(relativeFolder) && !_keepPrefixes.Any(k => k.StartsWith(relativeFolder + "/", StringComparison.Ordinal));
}
