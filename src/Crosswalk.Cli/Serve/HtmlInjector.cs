using System.Net;
using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// Adds the preview-only parts to an HTML response: the build version and the live-reload script (in <c>head</c>),
/// followed there by the page's own deferred scripts from its body (see <see cref="DeferredScripts"/>), and the
/// diagnostics overlay (before <c>&lt;/body&gt;</c>). Built files are never changed; this runs on the bytes being sent.
/// </summary>
internal static class HtmlInjector
{
    // Deferred, the script runs once the page is parsed (before DOMContentLoaded); render-blocking (in head), nothing of
    // the page is painted before it ran. A reload shows the old page until the new one is whole, at the scroll position
    // the browser restores, never its top half-parsed, and the browser spends no style, layout and paint on part of a page.
    public const string ScriptTag = "<script src=\"" + PreviewServer.LiveScriptPath + "\" defer blocking=\"render\"></script>";

    public const int MaxListed = 200;

    public static byte[] Inject(byte[] html, long version, IReadOnlyList<Diagnostic> diagnostics, string? notice = null, Func<string, string>? finish = null)
    {
        var text = Encoding.UTF8.GetString(html);
        var sb = new StringBuilder(text.Length + 512);
        var head = text.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var body = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var inHead = $"<meta name=\"crosswalk-version\" content=\"{version}\">" + ScriptTag;
        if (head >= 0 && (body < 0 || head < body))
        {
            // After live.js, in their order: the page is then painted once, after DOMContentLoaded.
            (text, var moved) = DeferredScripts.Take(text, head + "</head>".Length);
            inHead += moved;
            body = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        }
        var tail = Overlay(diagnostics, notice);
        if (head >= 0 && (body < 0 || head < body))
        {
            sb.Append(text, 0, head).Append(inHead);
            if (body >= 0)
            {
                sb.Append(text, head, body - head).Append(tail).Append(text, body, text.Length - body);
            }
            else
            {
                sb.Append(text, head, text.Length - head).Append(tail);
            }
        }
        else if (body >= 0)
        {
            sb.Append(text, 0, body).Append(inHead).Append(tail).Append(text, body, text.Length - body);
        }
        else
        {
            sb.Append(text).Append(inHead).Append(tail);
        }
        return Encoding.UTF8.GetBytes(finish is null ? sb.ToString() : finish(sb.ToString()));
    }

    /// <summary>The overlay listing serve's own <paramref name="notice"/> and the site's errors and warnings, or "" when there are none.</summary>
    public static string Overlay(IReadOnlyList<Diagnostic> diagnostics, string? notice = null)
    {
        var problems = diagnostics.Where(d => d.Severity is Severity.Error or Severity.Warning).ToList();
        var count = problems.Count + (notice is null ? 0 : 1);
        if (count == 0)
        {
            return "";
        }
        var severity = problems.Any(d => d.Severity == Severity.Error) ? "error" : "warning";
        var sb = new StringBuilder();
        sb.Append("<div class=\"cw-diagnostics\" role=\"alert\" data-severity=\"").Append(severity).Append("\">");
        sb.Append("<div class=\"cw-diagnostics-header\">").Append(count).Append(count == 1 ? " problem" : " problems").Append("</div>");
        sb.Append("<ul>");
        if (notice is not null)
        {
            sb.Append("<li class=\"warning cw-serve-notice\">").Append(Escape(notice)).Append("</li>");
        }
        foreach (var d in problems.Take(MaxListed))
        {
            sb.Append("<li class=\"").Append(d.SeverityName).Append("\"><code>").Append(Escape(d.Code)).Append("</code> ");
            if (d.Location is { } l)
            {
                sb.Append(Escape(l.ToString())).Append(": ");
            }
            sb.Append(Escape(d.Message));
            if (d.Help is { Length: > 0 } help)
            {
                sb.Append('\n').Append("<span class=\"cw-help\">help: ").Append(Escape(help)).Append("</span>");
            }
            sb.Append("</li>");
        }
        if (problems.Count > MaxListed)
        {
            sb.Append("<li class=\"info\">… and ").Append(problems.Count - MaxListed).Append(" more (see the terminal)</li>");
        }
        sb.Append("</ul></div>");
        return sb.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
