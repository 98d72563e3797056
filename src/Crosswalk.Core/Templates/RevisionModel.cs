using System.Globalization;
using Crosswalk.History;
using Crosswalk.Markdown;
using Scriban.Runtime;

namespace Crosswalk.Templates;

/// <summary>The template model of a page's revisions (<c>page.revisions</c>): author and subject are escaped.</summary>
internal static class RevisionModel
{
    /// <summary>
    /// The model of one commit. A commit touches many pages: it is made once and shared, read-only, so no page's
    /// template can change what another's sees.
    /// </summary>
    public static ScriptObject Entry(Revision r)
    {
        var entry = new ScriptObject
        {
            ["id"] = HtmlEscape.Text(r.Id),
            ["short_id"] = HtmlEscape.Text(r.ShortId),
            ["date"] = Date(r),
            ["author"] = HtmlEscape.Text(r.Author),
            ["subject"] = HtmlEscape.Text(r.Subject),
        };
        entry.IsReadOnly = true;
        return entry;
    }

    /// <summary>The commit's author date, as the author's calendar showed it (YYYY-MM-DD).</summary>
    public static string Date(Revision revision) => revision.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
