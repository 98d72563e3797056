using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary>
/// Without a site.yml the folder is read as a docs tree; a folder with no Markdown at all is most likely the wrong
/// folder or a site not started yet, and "0 pages, 0 errors" would pass it silently.
/// </summary>
internal static class EmptyFolder
{
    /// <summary>The line to print and exit 2 with, or null when there is a site.yml or at least one page.</summary>
    public static string? Message(BuildOptions options, BuildResult result)
    {
        if (!options.AllowMissingConfig || File.Exists(options.ConfigPath) || !result.ConfigUsable || result.PageCount > 0)
        {
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.ConfigPath))!;
        return $"crosswalk: no Markdown pages found in {Output.SafeText.Terminal(folder)}; run 'crosswalk init' to start a site, or point --config at a site.yml";
    }
}
