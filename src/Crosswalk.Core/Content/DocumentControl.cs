using System.Globalization;
using System.Text.RegularExpressions;
using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>The unit of a review interval.</summary>
public enum IntervalUnit
{
    /// <summary>Days.</summary>
    Day,
    /// <summary>Weeks.</summary>
    Week,
    /// <summary>Calendar months.</summary>
    Month,
    /// <summary>Calendar years.</summary>
    Year,
}

/// <summary>How often a document is reviewed, as written: <c>12 months</c>, <c>1 year</c>, <c>90 days</c>, <c>P6M</c>.</summary>
public sealed partial record ReviewInterval(int Count, IntervalUnit Unit)
{
    /// <summary>The date one interval after <paramref name="date"/> (the 31st plus one month is the month's last day).</summary>
    /// <remarks>An interval is at most 100 years: a date past 9899 saturates at the last day DateOnly holds.</remarks>
    public DateOnly After(DateOnly date) => date.Year > 9899 ? DateOnly.MaxValue : Unit switch
    {
        IntervalUnit.Day => date.AddDays(Count),
        IntervalUnit.Week => date.AddDays(7 * Count),
        IntervalUnit.Month => date.AddMonths(Count),
        _ => date.AddYears(Count),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Count} {Unit.ToString().ToLowerInvariant()}{(Count == 1 ? "" : "s")}";

    /// <summary>Reads <c>12 months</c>, <c>1 year</c>, <c>6 weeks</c>, <c>90 days</c> or ISO 8601 <c>P12M</c>; null when it is none of them.</summary>
    public static ReviewInterval? Parse(string text)
    {
        var match = Words().Match(text.Trim());
        if (match.Success)
        {
            return Make(match.Groups[1].Value, match.Groups[2].Value[0]);
        }
        match = Iso().Match(text.Trim());
        return match.Success ? Make(match.Groups[1].Value, match.Groups[2].Value[0]) : null;
    }

    // More than 100 years is a typo, and keeps date arithmetic far from DateOnly's limits.
    private static ReviewInterval? Make(string count, char unit)
    {
        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }
        var (kind, max) = char.ToLowerInvariant(unit) switch
        {
            'd' => (IntervalUnit.Day, 36525),
            'w' => (IntervalUnit.Week, 5218),
            'm' => (IntervalUnit.Month, 1200),
            _ => (IntervalUnit.Year, 100),
        };
        return n <= max ? new ReviewInterval(n, kind) : null;
    }

    [GeneratedRegex(@"^([0-9]{1,5})\s*(days?|weeks?|months?|years?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"^P([0-9]{1,5})([DWMY])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}

/// <summary>How large a change a version makes.</summary>
public enum ChangeKind
{
    /// <summary>A change of substance: readers must re-read the document.</summary>
    Major,
    /// <summary>Wording, formatting or corrections.</summary>
    Minor,
}

/// <summary>One approval of a document: who, when, in what role and for which version (each but the approver optional).</summary>
public sealed record Approval(string By, DateOnly? On, string? Role, string? Version);

/// <summary>Where a document stands against its review date.</summary>
public enum ReviewStatus
{
    /// <summary>No review date is known.</summary>
    None,
    /// <summary>The next review is more than <c>reviews.warn_days</c> away.</summary>
    Current,
    /// <summary>The next review is within <c>reviews.warn_days</c>.</summary>
    DueSoon,
    /// <summary>The next review date has passed.</summary>
    Overdue,
}

/// <summary>A document's review state on a given day.</summary>
/// <param name="Due">The next review date: <c>next_review</c>, else <c>last_reviewed</c> plus <c>review_every</c>.</param>
/// <param name="DueAt">Where the date (or what it is worked out from) is written.</param>
/// <param name="Status">Overdue, due soon or current.</param>
/// <param name="DaysLeft">Days from today to the due date (negative when overdue).</param>
public sealed record ReviewState(DateOnly? Due, SourceLocation? DueAt, ReviewStatus Status, int DaysLeft)
{
    /// <summary>The status as one word for class names and data: overdue, due-soon, current or none.</summary>
    public string Token => Status switch
    {
        ReviewStatus.Overdue => "overdue",
        ReviewStatus.DueSoon => "due-soon",
        ReviewStatus.Current => "current",
        _ => "none",
    };

    /// <summary>The status as readers see it.</summary>
    public string Label => Status switch
    {
        ReviewStatus.Overdue => "overdue",
        ReviewStatus.DueSoon => "due soon",
        ReviewStatus.Current => "current",
        _ => "no review date",
    };

    /// <summary>The state of <paramref name="meta"/> on <paramref name="today"/>, warning <paramref name="warnDays"/> ahead.</summary>
    public static ReviewState Of(PageMeta meta, DateOnly today, int warnDays)
    {
        var (due, at) = meta.NextReview is { } next ? (next, meta.NextReviewAt)
            : meta.LastReviewed is { } last && meta.ReviewEvery is { } every ? (every.After(last), meta.ReviewEveryAt)
            : ((DateOnly?)null, (SourceLocation?)null);
        if (due is not { } date)
        {
            return new ReviewState(null, null, ReviewStatus.None, 0);
        }
        var days = date.DayNumber - today.DayNumber;
        var status = days < 0 ? ReviewStatus.Overdue : days <= warnDays ? ReviewStatus.DueSoon : ReviewStatus.Current;
        return new ReviewState(date, at, status, days);
    }
}

/// <summary>Dates as documents write them and readers see them: ISO 8601 calendar dates, whatever the culture.</summary>
public static class IsoDate
{
    /// <summary><paramref name="date"/> as <c>YYYY-MM-DD</c>, or null.</summary>
    public static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
