using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=F,line=L,col=C,title=CODE::message</c>), one per line,
/// which the runner turns into annotations on the pull request.
/// </summary>
internal static class GitHubFormatter
{
    public const string HelpSeparator = " — help: ";

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            sb.Append("::").Append(Command(d.Severity)).Append(' ');
            if (d.Location is { } l)
            {
                sb.Append("file=").Append(EscapeProperty(l.File))
                  .Append(",line=").Append(l.Line)
                  .Append(",col=").Append(l.Column)
                  .Append(',');
            }
            sb.Append("title=").Append(EscapeProperty(d.Code)).Append("::");
            var message = d.Help is { Length: > 0 } help ? d.Message + HelpSeparator + help : d.Message;
            sb.Append(EscapeData(message)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The command for a severity: error, warning, or notice for info.</summary>
    public static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>The Actions toolkit's <c>escapeData</c>: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value)
        => value.Replace("%", "%25", StringComparison.Ordinal)
                .Replace("\r", "%0D", StringComparison.Ordinal)
                .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The Actions toolkit's <c>escapeProperty</c>: <see cref="EscapeData"/> plus <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string value)
        => EscapeData(value)
                .Replace(":", "%3A", StringComparison.Ordinal)
                .Replace(",", "%2C", StringComparison.Ordinal);
}
