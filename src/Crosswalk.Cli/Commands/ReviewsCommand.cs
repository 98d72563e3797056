using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Crosswalk.Cli.Output;
using Crosswalk.Content;
using Crosswalk.Output;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk reviews</c>: every controlled document with owner, version, last and next review and status.</summary>
internal static class ReviewsCommand
{
    public static readonly string[] Formats = ["text", "csv", "json"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("reviews", "List every controlled document with its owner, version and reviews, the overdue first.");
        var format = CommonOptions.Format(Formats, "text, csv or json.");
        var config = CommonOptions.Config();
        var today = CommonOptions.Today();
        command.Options.Add(format);
        command.Options.Add(today);
        command.Options.Add(config);
        command.Options.Add(CommonOptions.Verbose());
        command.SetAction(parse =>
        {
            if (SiteReport.Analyze(parse.GetValue(config), stdout, stderr, parse.GetValue(today)) is not { } analysis)
            {
                return CrosswalkCli.ExitUsage;
            }
            stdout.Write((parse.GetValue(format) ?? "text") switch
            {
                "csv" => Csv(analysis.Reviews),
                "json" => Json(analysis.Reviews, analysis.Today),
                _ => Text(analysis.Reviews, analysis.Today),
            });
            SiteReport.NoteErrors(analysis, stderr);
            return CrosswalkCli.ExitOk;
        });
        return command;
    }

    private static string Date(DateOnly? date) => IsoDate.Format(date) ?? "";

    private static string Text(IReadOnlyList<ReviewRow> rows, DateOnly today)
    {
        var sb = new StringBuilder();
        if (rows.Count == 0)
        {
            return "no controlled documents: no page has an owner, a version, an approval or review dates\n";
        }
        string[] header = ["STATUS", "NEXT REVIEW", "DOCUMENT", "OWNER", "VERSION", "LAST REVIEWED", "SOURCE"];
        var lines = rows.Select(r => new[]
        {
            r.Review.Label, r.Review.Due is null ? "-" : Date(r.Review.Due), SafeText.Terminal(r.Title), SafeText.Terminal(r.Meta.Owner ?? "-"),
            SafeText.Terminal(r.Meta.Version ?? "-"), r.Meta.LastReviewed is null ? "-" : Date(r.Meta.LastReviewed), SafeText.Terminal(r.Source),
        }).ToList();
        var widths = header.Select((h, i) => Math.Min(48, lines.Select(l => l[i].Length).Append(h.Length).Max())).ToArray();
        foreach (var line in lines.Prepend(header))
        {
            sb.Append(string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i])))).Append('\n');
        }
        var (overdue, dueSoon, current, undated) = ReviewsReport.Count(rows);
        sb.Append(CultureInfo.InvariantCulture, $"{rows.Count} controlled documents on {Date(today)}: {overdue} overdue, {dueSoon} due soon, {current} current");
        sb.Append(undated > 0 ? string.Create(CultureInfo.InvariantCulture, $", {undated} without a review date\n") : "\n");
        return sb.ToString();
    }

    private static string Csv(IReadOnlyList<ReviewRow> rows)
    {
        var sb = new StringBuilder("document,url,source,owner,version,approved_by,approved_on,last_reviewed,next_review,status,days_left\n");
        foreach (var r in rows)
        {
            var approval = r.Meta.LatestApproval;
            string[] cells =
            [
                r.Title, r.Url, r.Source, r.Meta.Owner ?? "", r.Meta.Version ?? "", approval?.By ?? "", Date(approval?.On),
                Date(r.Meta.LastReviewed), Date(r.Review.Due), r.Review.Label,
                r.Review.Due is null ? "" : r.Review.DaysLeft.ToString(CultureInfo.InvariantCulture),
            ];
            sb.Append(CsvText.Line(cells));
        }
        return sb.ToString();
    }

    private static string Json(IReadOnlyList<ReviewRow> rows, DateOnly today)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("today", Date(today));
            w.WriteStartArray("documents");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("title", r.Title);
                w.WriteString("url", r.Url);
                w.WriteString("source", r.Source);
                w.WriteString("owner", r.Meta.Owner);
                w.WriteString("version", r.Meta.Version);
                w.WriteString("change", r.Meta.Change?.ToString().ToLowerInvariant());
                w.WriteStartArray("approvals");
                foreach (var a in r.Meta.Approvals)
                {
                    w.WriteStartObject();
                    w.WriteString("by", a.By);
                    w.WriteString("on", IsoDate.Format(a.On));
                    w.WriteString("role", a.Role);
                    w.WriteString("version", a.Version);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("last_reviewed", IsoDate.Format(r.Meta.LastReviewed));
                w.WriteString("review_every", r.Meta.ReviewEvery?.ToString());
                w.WriteString("next_review", IsoDate.Format(r.Review.Due));
                w.WriteString("status", r.Review.Token);
                if (r.Review.Due is not null)
                {
                    w.WriteNumber("days_left", r.Review.DaysLeft);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var (overdue, dueSoon, current, undated) = ReviewsReport.Count(rows);
            w.WriteStartObject("totals");
            w.WriteNumber("documents", rows.Count);
            w.WriteNumber("overdue", overdue);
            w.WriteNumber("due_soon", dueSoon);
            w.WriteNumber("current", current);
            w.WriteNumber("undated", undated);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
