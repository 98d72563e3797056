using System.Globalization;
using Crosswalk.History;
using Crosswalk.Markdown;
using Scriban.Runtime;

namespace Crosswalk.Templates;

/// <summary>The template model of a page's revisions (<c>page.revisions</c>): author and subject are escaped.</summary>
internal static class RevisionModel
{
    /// <summary>The revisions, newest first.</summary>
    public static ScriptArray Of(IReadOnlyList<Revision> revisions) => new(revisions.Select(r => new ScriptObject
    {
        ["id"] = r.Id,
        ["short_id"] = HtmlEscape.Text(r.ShortId),
        ["date"] = Date(r),
        ["author"] = HtmlEscape.Text(r.Author),
        ["subject"] = HtmlEscape.Text(r.Subject),
    }));

    /// <summary>The commit's author date, as the author's calendar showed it (YYYY-MM-DD).</summary>
    public static string Date(Revision revision) => revision.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
