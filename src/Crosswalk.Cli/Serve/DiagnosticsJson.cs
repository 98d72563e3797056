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
                Output.DiagnosticFormatter.WriteDiagnostic(w, d);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
