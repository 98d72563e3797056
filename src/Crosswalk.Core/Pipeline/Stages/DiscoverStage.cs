using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Pipeline;

/// <summary>Stage <c>Discover</c>: lists the source folder (the output folder left out).</summary>
public static class DiscoverStage
{
    /// <summary>The site's files, in path order.</summary>
    public static SourceSet Run(BuildContext context, DiagnosticBag report) =>
        new(Discover.Run(context.Config.SourceDirectory, context.Config.RootDirectory, [context.Config.OutputDirectory], report));
}
