using System.Text;
using System.Text.Json;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Output;

/// <summary>Renders a build's diagnostics in the formats CI systems read.</summary>
internal static class DiagnosticFormatter
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github", "junit"];

    /// <summary>
    /// <paramref name="result"/>'s diagnostics in <paramref name="format"/>. Machine formats keep every diagnostic, except
    /// that a GitHub notice per info (an annotation on the pull request each) waits for <see cref="Verbosity.Verbose"/>;
    /// text follows <see cref="ConsoleReport"/>.
    /// </summary>
    public static string Format(string format, BuildResult result, Verbosity verbosity = Verbosity.Verbose) => format switch
    {
        "json" => Json(result),
        "sarif" => SarifFormatter.Format(result),
        "github" => GitHubFormatter.Format(ConsoleReport.Listed(result.Diagnostics, verbosity == Verbosity.Verbose ? Verbosity.Verbose : Verbosity.Normal)),
        "junit" => JUnitFormatter.Format(result),
        _ => ConsoleReport.Text(result.Diagnostics, verbosity),
    };

    /// <summary>MSBuild form, one line per diagnostic, with an indented help line when there is one.</summary>
    public static string Text(IEnumerable<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            // Messages quote document text: a line break or escape code in it must not start a line of its own (a CI
            // workflow command) or steer the terminal.
            sb.Append(SafeText.Terminal(d.ToString())).Append('\n');
            if (d.Help is { Length: > 0 } help)
            {
                sb.Append("    help: ").Append(SafeText.Terminal(help)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>The JSON document of DESIGN.md.</summary>
    public static string Json(BuildResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                WriteDiagnostic(w, d);
            }
            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("errors", result.Errors);
            w.WriteNumber("warnings", result.Warnings);
            w.WriteNumber("infos", result.Infos);
            w.WriteNumber("pages", result.PageCount);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One diagnostic as the JSON object of DESIGN.md; shared by <c>--format json</c> and serve's endpoint.</summary>
    public static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.SeverityName);
        if (d.Location is { } l)
        {
            w.WriteString("file", l.File);
            w.WriteNumber("line", l.Line);
            w.WriteNumber("column", l.Column);
        }
        else
        {
            w.WriteNull("file");
            w.WriteNull("line");
            w.WriteNull("column");
        }
        w.WriteString("message", d.Message);
        w.WriteString("help", d.Help);
        w.WriteEndObject();
    }
}
