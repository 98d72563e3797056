using System.Text.RegularExpressions;
using Crosswalk.Config;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>
/// The document-control checks of one page, from its front matter alone: fields site.yml requires of it (CW1010), and
/// its review against today (CW1008 overdue, CW1009 due soon). Run with the parse, so a preview re-checks a page it
/// parses again.
/// </summary>
public sealed class DocumentChecks(SiteConfig config, DateOnly today)
{
    private readonly (RequiredRule Rule, Regex Pattern)[] _required = [.. config.Required.Select(r => (r, Glob.ToRegex(r.Pages)))];

    /// <summary>The day reviews are judged against.</summary>
    public DateOnly Today => today;

    /// <summary>Reports what is wrong with <paramref name="meta"/>, the front matter of <paramref name="file"/>.</summary>
    public void Report(SourceFile file, PageMeta meta, DiagnosticBag diagnostics)
    {
        var top = new SourceLocation(file.DisplayPath, 1, 1);
        foreach (var (rule, pattern) in _required)
        {
            if (!pattern.IsMatch(file.RelativePath))
            {
                continue;
            }
            foreach (var field in rule.Fields.Select(f => f.Name).Where(f => !Has(meta, f)))
            {
                diagnostics.Report(DiagnosticDescriptors.MissingRequiredField,
                    $"'{field}' is required of pages matching '{rule.Pages}' (site.yml line {rule.Location.Line})", top,
                    field is "next_review" ? "add next_review: YYYY-MM-DD, or last_reviewed with review_every" : $"add '{field}:' to the front matter");
            }
        }

        var state = ReviewState.Of(meta, today, config.Reviews.WarnDays);
        var due = $"{state.Due:yyyy-MM-dd}";
        switch (state.Status)
        {
            case ReviewStatus.Overdue:
                diagnostics.Report(DiagnosticDescriptors.ReviewOverdue,
                    $"review overdue: the next review was due on {due}, {Days(-state.DaysLeft)} before {today:yyyy-MM-dd}", state.DueAt ?? top,
                    "review the document, then update last_reviewed and next_review");
                break;
            case ReviewStatus.DueSoon:
                diagnostics.Report(DiagnosticDescriptors.ReviewDueSoon,
                    state.DaysLeft == 0 ? $"review due today ({due})" : $"review due in {Days(state.DaysLeft)}, on {due}", state.DueAt ?? top);
                break;
        }
    }

    // What stands for a field: a due date worked out from last_reviewed and review_every for next_review, an
    // approvals: list for approved_by (and, with dates, approved_on).
    private static bool Has(PageMeta meta, string field) => meta.Keys.ContainsKey(field) || field switch
    {
        "next_review" => meta is { LastReviewed: not null, ReviewEvery: not null },
        "approved_by" => meta.Approvals.Count > 0,
        "approved_on" => meta.Approvals.Any(a => a.On is not null),
        _ => false,
    };

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
