using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.History;

namespace Crosswalk.Pipeline;

/// <summary>Each source file's revisions, newest first (empty without git history).</summary>
public sealed record SiteHistory(IReadOnlyDictionary<string, IReadOnlyList<Revision>> ByFile)
{
    /// <summary>No history.</summary>
    public static SiteHistory None { get; } = new(new Dictionary<string, IReadOnlyList<Revision>>());

    /// <summary>The revisions of <paramref name="file"/>, newest first.</summary>
    public IReadOnlyList<Revision> Of(SourceFile file) => ByFile.GetValueOrDefault(file.FullPath) ?? [];
}

/// <summary>
/// Stage <c>LoadHistory</c>: the revision history of every source file, from one <c>git log</c> over the source folder.
/// It starts before parsing and runs beside it; Render waits for it. Without history (not in git, no git, or
/// <c>--no-history</c>) pages get none; a shallow clone gets what it holds. Either is reported once (CW1011).
/// </summary>
public static class LoadHistoryStage
{
    /// <summary>Starts reading the history of the site's source folder, unless the caller asked for none.</summary>
    public static Task<GitHistoryResult?> Start(BuildContext context, bool enabled) =>
        enabled ? Task.Run(() => (GitHistoryResult?)GitHistory.Read(context.Config.SourceDirectory)) : Task.FromResult<GitHistoryResult?>(null);

    /// <summary>The history read by <paramref name="reading"/>; a missing or partial one is reported to <paramref name="report"/>.</summary>
    public static SiteHistory Finish(Task<GitHistoryResult?> reading, DiagnosticBag report)
    {
        if (reading.GetAwaiter().GetResult() is not { } result)
        {
            return SiteHistory.None;
        }
        if (result.Status != HistoryStatus.Ok && result.Message is { } message)
        {
            report.Report(DiagnosticDescriptors.HistoryUnavailable, message, null,
                result.Status == HistoryStatus.Shallow ? "fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)" : "pass --no-history to skip it");
        }
        return result.ByFile.Count == 0 ? SiteHistory.None : new SiteHistory(result.ByFile);
    }
}
