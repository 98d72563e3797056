namespace Crosswalk.Content;

/// <summary>Containment of absolute paths, the one check behind every "never outside this folder" rule.</summary>
internal static class FolderPaths
{
    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies under it (absolute paths; trailing separators ignored).</summary>
    public static bool IsSameOrInside(string folder, string path)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        path = Path.TrimEndingDirectorySeparator(path);
        return path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
