using Crosswalk.Content;
using Crosswalk.Markdown;
using Scriban.Runtime;

namespace Crosswalk.Templates;

/// <summary>
/// The template model of a controlled document's control block (<c>page.control</c>): owner, version, approvals and
/// review dates with the review's status on the build's day. Every string is HTML-escaped.
/// </summary>
internal static class DocumentControlModel
{
    /// <summary>The model of <paramref name="meta"/>, or null when the page is not a controlled document.</summary>
    public static ScriptObject? Of(PageMeta meta, DateOnly today, int warnDays)
    {
        if (!meta.IsControlled)
        {
            return null;
        }
        var state = ReviewState.Of(meta, today, warnDays);
        var approvals = new ScriptArray(meta.Approvals.Select(Approval));
        return new ScriptObject
        {
            ["owner"] = Escape(meta.Owner),
            ["version"] = Escape(meta.Version),
            ["change"] = meta.Change?.ToString().ToLowerInvariant(),
            ["approvals"] = approvals,
            ["approval"] = meta.LatestApproval is { } latest ? Approval(latest) : null,
            ["last_reviewed"] = IsoDate.Format(meta.LastReviewed),
            ["next_review"] = IsoDate.Format(state.Due),
            ["review_every"] = meta.ReviewEvery?.ToString(),
            // A token for a class name, and the words readers see.
            ["status"] = state.Status == ReviewStatus.None ? null : state.Token,
            ["status_label"] = state.Status == ReviewStatus.None ? null : state.Label,
            ["days_left"] = state.Due is null ? null : state.DaysLeft,
        };
    }

    private static ScriptObject Approval(Approval a) => new()
    {
        ["by"] = HtmlEscape.Text(a.By),
        ["on"] = IsoDate.Format(a.On),
        ["role"] = Escape(a.Role),
        ["version"] = Escape(a.Version),
    };

    private static string? Escape(string? value) => value is null ? null : HtmlEscape.Text(value);
}
