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
        return IsEditorTemp(Path.GetFileName(path));
    }

    /// <summary>Names editors and tools write next to the file being saved.</summary>
    public static bool IsEditorTemp(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return name.EndsWith('~')                                   // emacs, vim, gedit backups
            || name.StartsWith(".#", StringComparison.Ordinal)      // emacs lock files
            || (name.StartsWith('#') && name.EndsWith('#'))         // emacs auto-save
            || name == "4913"                                       // vim's write test
            || name == ".DS_Store" || name == "Thumbs.db"
            || ext is ".swp" or ".swx" or ".swo" or ".swn" or ".tmp" or ".temp" or ".bak" or ".crdownload" or ".part" or ".kate-swp"
            || name.EndsWith("___jb_tmp___", StringComparison.Ordinal)   // JetBrains safe write
            || name.EndsWith("___jb_old___", StringComparison.Ordinal)
            || name.StartsWith(".goutputstream-", StringComparison.Ordinal);
    }
}
