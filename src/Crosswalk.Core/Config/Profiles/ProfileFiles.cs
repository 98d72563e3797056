namespace Crosswalk.Config.Profiles;

/// <summary>The walks and reads profiles make of the tree itself (blog posts, React pages, Jekyll layouts).</summary>
internal static class ProfileFiles
{
    /// <summary>
    /// The files under <paramref name="folder"/>, sorted, at most 20,000: links are not followed (a link to its own
    /// folder would loop) and unreadable folders are skipped, as Discover walks.
    /// </summary>
    public static IEnumerable<string> Under(string folder)
    {
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return [];
        }
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
            IgnoreInaccessible = true,
            MaxRecursionDepth = 64,
        };
        return Directory.EnumerateFiles(folder, "*", options).Take(20_000).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first <paramref name="lines"/> lines of a file, or "" when it cannot be read.</summary>
    public static string Head(string path, int lines)
    {
        try
        {
            using var reader = new StreamReader(path);
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < lines && reader.ReadLine() is { } line && text.Length < 64 * 1024; i++)
            {
                text.Append(line).Append('\n');
            }
            return text.ToString();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
