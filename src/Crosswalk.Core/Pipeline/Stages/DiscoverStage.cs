using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Pipeline;

/// <summary>Stage <c>Discover</c>: lists the source folder (the output folder left out).</summary>
public static class DiscoverStage
{
    /// <summary>The site's files, in path order.</summary>
    public static SourceSet Run(BuildContext context, DiagnosticBag report)
    {
        var skipped = new List<string>();
        var files = Discover.Run(context.Config.SourceDirectory, context.Config.RootDirectory, [context.Config.OutputDirectory], report,
            new PathFilter(context.Config.Exclude), context.Config.StaticDirectories, skipped);
        skipped.Sort(StringComparer.Ordinal);
        return new SourceSet(files) { Skipped = skipped };
    }
}
