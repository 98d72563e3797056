namespace Crosswalk.Content;

/// <summary>
/// Files editors and tools write next to the file being saved (swap, backup, lock and safe-write files). They are not
/// part of the site: builds skip them and <c>serve</c> ignores their changes, so both see the same files.
/// </summary>
public static class EditorFiles
{
    /// <summary>True when the file name <paramref name="name"/> is such a file.</summary>
    public static bool IsScratch(string name)
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
