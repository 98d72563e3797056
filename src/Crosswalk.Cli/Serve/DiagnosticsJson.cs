using System.Text.Json;
using Crosswalk.Preview;

namespace Crosswalk.Cli.Serve;

/// <summary>The document at <c>/__crosswalk/diagnostics</c>: <c>{version, errors, warnings, infos, diagnostics:[...]}</c>.</summary>
internal static class DiagnosticsJson
{
    public static byte[] Format(PreviewBuild? build)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("version", build?.Version ?? 0);
            w.WriteNumber("errors", build?.Result.Errors ?? 0);
            w.WriteNumber("warnings", build?.Result.Warnings ?? 0);
            w.WriteNumber("infos", build?.Result.Infos ?? 0);
            w.WriteStartArray("diagnostics");
            foreach (var d in build?.Result.Diagnostics ?? [])
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
                if (d.Help is null)
                {
                    w.WriteNull("help");
                }
                else
                {
                    w.WriteString("help", d.Help);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
