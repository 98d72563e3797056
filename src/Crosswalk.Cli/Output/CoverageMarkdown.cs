using System.Text;
using System.Text.Json;
using Crosswalk.Criteria;

namespace Crosswalk.Cli.Output;

/// <summary>Coverage reports as Markdown (for a CI job summary) and the baseline comparison as JSON.</summary>
internal static class CoverageMarkdown
{
    /// <summary>Totals per catalog and the gaps.</summary>
    public static string Report(CoverageSnapshot snapshot)
    {
        var sb = new StringBuilder("## Coverage\n\n| Catalog | Criteria | Claimed directly | Only through a group or alias | Gaps |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var catalog in snapshot.Catalogs)
        {
            var (count, direct, inherited, gaps) = catalog.Totals;
            sb.Append("| ").Append(Cell(catalog.Name)).Append($" | {count} | {direct} | {inherited} | {gaps} |\n");
        }
        foreach (var catalog in snapshot.Catalogs.Where(c => c.Totals.Gaps > 0))
        {
            sb.Append("\n**Gaps in ").Append(Cell(catalog.Name)).Append(":** ")
              .Append(string.Join(", ", catalog.Criteria.Where(c => c.Leaf && c.Coverage == Coverage.Gap).Select(c => Cell(c.Id)))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>What changed since the baseline, fit for <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    public static string Diff(CoverageDiff diff, CoverageSnapshot now)
    {
        var sb = new StringBuilder("## Coverage changes\n\n");
        if (diff.IsEmpty)
        {
            sb.Append("No criterion gained or lost coverage, and no document's claims changed.\n\n");
        }
        else
        {
            sb.Append(diff.Lost.Count > 0 ? $"⚠️ **{diff.Lost.Count} criteria lost all coverage.**\n\n" : "")
              .Append(diff.Dropped.Count > 0 ? $"⚠️ **{diff.Dropped.Count} criteria covered before are no longer in the report.**\n\n" : "");
            if (diff.Lost.Count + diff.Gained.Count + diff.Weakened.Count + diff.Strengthened.Count + diff.Dropped.Count > 0)
            {
                sb.Append("| Change | Catalog | Criterion | Title | Documents |\n| --- | --- | --- | --- | --- |\n");
            }
            Rows(sb, "lost", diff.Lost);
            Rows(sb, "no longer in the report", diff.Dropped);
            Rows(sb, "gained", diff.Gained);
            Rows(sb, "no longer claimed directly", diff.Weakened);
            Rows(sb, "now claimed directly", diff.Strengthened);
            if (diff.Documents.Count > 0)
            {
                sb.Append("\n| Document | Now claims | No longer claims |\n| --- | --- | --- |\n");
                foreach (var d in diff.Documents)
                {
                    sb.Append("| ").Append(Cell(d.Title)).Append(" (`").Append(CodeSpan(d.Source)).Append("`) | ")
                      .Append(Cell(string.Join(", ", d.Added))).Append(" | ").Append(Cell(string.Join(", ", d.Removed))).Append(" |\n");
                }
            }
            sb.Append('\n');
        }
        return sb.Append(Report(now).Replace("## Coverage\n", "### Coverage now\n", StringComparison.Ordinal)).ToString();
    }

    private static void Rows(StringBuilder sb, string kind, IReadOnlyList<CoverageChange> changes)
    {
        foreach (var c in changes)
        {
            sb.Append("| ").Append(kind).Append(" | ").Append(Cell(c.Catalog)).Append(" | ").Append(Cell(c.Id)).Append(" | ").Append(Cell(c.Title))
              .Append(" | ").Append(Cell(string.Join(", ", c.Pages.Select(p => p.Title)))).Append(" |\n");
        }
    }

    // Document text in a Markdown table cell: no line breaks, and nothing that starts markup (a link, HTML, a cell,
    // emphasis, strikethrough) or that GitHub turns into a link, a mention or an emoji (https://, www., @user, :x:).
    private static string Cell(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsControl(ch))
            {
                sb.Append(' ');
            }
            else if (ch is '|' or '\\' or '[' or ']' or '<' or '>' or '*' or '_' or '`' or '!' or '#' or '&' or '~' or '@' or ':' or '/'
                || (ch == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                sb.Append('\\').Append(ch);
            }
            else
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    // Inside a code span backslashes are literal: only what would end the span or the cell is replaced.
    private static string CodeSpan(string text) =>
        new(text.Select(ch => char.IsControl(ch) ? ' ' : ch is '`' ? '\'' : ch is '|' ? '/' : ch).ToArray());

    /// <summary>The comparison as JSON: <c>{lost, gained, weakened, strengthened, documents}</c>.</summary>
    public static string DiffJson(CoverageDiff diff)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            Changes(w, "lost", diff.Lost);
            Changes(w, "gained", diff.Gained);
            Changes(w, "weakened", diff.Weakened);
            Changes(w, "strengthened", diff.Strengthened);
            w.WriteStartArray("documents");
            foreach (var d in diff.Documents)
            {
                w.WriteStartObject();
                w.WriteString("title", d.Title);
                w.WriteString("source", d.Source);
                w.WriteStartArray("added");
                d.Added.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteStartArray("removed");
                d.Removed.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Changes(Utf8JsonWriter w, string name, IReadOnlyList<CoverageChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("catalog", c.Catalog);
            w.WriteString("criterion", c.Id);
            w.WriteString("title", c.Title);
            w.WriteString("before", c.Before.ToString().ToLowerInvariant());
            w.WriteString("after", c.After.ToString().ToLowerInvariant());
            w.WriteStartArray("pages");
            foreach (var p in c.Pages)
            {
                w.WriteStringValue(p.Source);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
