using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary>
/// Without a site.yml the folder is read as a docs tree; a folder with no Markdown at all is most likely the wrong
/// folder or a site not started yet, and "0 pages, 0 errors" would pass it silently (and build would write an empty
/// site). Asked before anything runs, so nothing is written.
/// </summary>
internal static class EmptyFolder
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        // Dot-folders (.git, .github) hold no pages of the site.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>The line to print and exit 2 with, or null when there is a site.yml or any Markdown file.</summary>
    public static string? Message(BuildOptions options)
    {
        if (!options.AllowMissingConfig || File.Exists(options.ConfigPath))
        {
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.ConfigPath))!;
        // Stops at the first hit: one file is enough to read the folder as a site.
        if (Directory.EnumerateFiles(folder, "*.md", Walk).Any() || Directory.EnumerateFiles(folder, "*.mdx", Walk).Any())
        {
            return null;
        }
        return $"crosswalk: no Markdown pages found in {Output.SafeText.Terminal(folder)}; run 'crosswalk init' to start a site, or point --config at a site.yml";
    }
}
