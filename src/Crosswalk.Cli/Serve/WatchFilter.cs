namespace Crosswalk.Cli.Serve;

/// <summary>Which file-system events are noise: editors' temp, swap and backup files, and anything in a hidden folder.</summary>
internal static class WatchFilter
{
    /// <summary>True when a change to <paramref name="path"/> (under the watched folder <paramref name="root"/>) must not trigger a rebuild.</summary>
    public static bool IsIgnored(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) && (relative.Length == 2 || relative[2] == Path.DirectorySeparatorChar))
        {
            return true;
        }
        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        foreach (var segment in segments)
        {
            // Hidden files and folders (.git, .idea, .vscode, .#lock files, .a.md.swp).
            if (segment.Length > 1 && segment[0] == '.' && segment != "..")
            {
                return true;
            }
        }
        return Crosswalk.Content.EditorFiles.IsScratch(Path.GetFileName(path));
    }
}
