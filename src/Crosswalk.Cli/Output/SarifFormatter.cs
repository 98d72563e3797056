using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Output;

/// <summary>SARIF 2.1.0 (one run, one rule per diagnostic code), as read by GitHub code scanning and IDE viewers.</summary>
internal static class SarifFormatter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string ToolName = "crosswalk";
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>The tool version: the informational version without its <c>+commit</c> suffix.</summary>
    public static string ToolVersion { get; } = ReadVersion();

    public static string Format(BuildResult result)
    {
        // Every registered code is a rule, whether reported or not; a code reported without a descriptor still gets one,
        // so ruleIndex is always valid.
        var rules = DiagnosticDescriptors.All
            .Concat(result.Diagnostics.Where(d => DiagnosticDescriptors.Find(d.Code) is null)
                .DistinctBy(d => d.Code, StringComparer.Ordinal)
                .OrderBy(d => d.Code, StringComparer.Ordinal)
                .Select(Unregistered))
            .ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            index[rules[i].Code] = i;
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Schema);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", ToolName);
            w.WriteString("version", ToolVersion);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Code);
                w.WriteString("name", rule.Name);
                WriteText(w, "shortDescription", rule.Title);
                WriteText(w, "fullDescription", rule.Description);
                WriteText(w, "help", rule.HelpText);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "unicodeCodePoints");

            w.WriteStartArray("results");
            foreach (var d in result.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                w.WriteNumber("ruleIndex", index[d.Code]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Help is { Length: > 0 } help ? $"{d.Message} Help: {help}" : d.Message);
                w.WriteEndObject();
                if (d.Location is { } l)
                {
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", RelativeUri(l.File));
                    w.WriteString("uriBaseId", SourceRoot);
                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", Math.Max(1, l.Line));
                    w.WriteNumber("startColumn", Math.Max(1, l.Column));
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A rule for a code without a descriptor (a Diagnostic made with its own constructor), at the level it was reported with.</summary>
    private static DiagnosticDescriptor Unregistered(Diagnostic d)
        => new(d.Code, d.Code, d.Severity, d.Code, $"{d.Code} is not in Crosswalk's registry of diagnostics.", "");

    /// <summary>A SARIF multiformatMessageString (<c>{"text": ...}</c>); nothing for an empty text, which SARIF does not allow.</summary>
    private static void WriteText(Utf8JsonWriter w, string property, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        w.WriteStartObject(property);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    /// <summary>SARIF's level for a severity: error, warning, note (info) or none (suppressed).</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>A relative URI reference for a site-relative path: <c>/</c> separators, each segment percent-encoded.</summary>
    public static string RelativeUri(string file)
        => string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string ReadVersion()
    {
        var assembly = typeof(SarifFormatter).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
