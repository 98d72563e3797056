using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Crosswalk.Tests.Support;

/// <summary>
/// NIST's OSCAL 1.2.1 JSON Schemas (TestData/oscal, draft-07), evaluated with JsonSchema.Net, formats included. JSON
/// Schema patterns are ECMA-262 regular expressions, and .NET's differ where OSCAL's patterns lean on them: '$' also
/// matches before a final line feed, '.' matches a carriage return, '\S' differs on U+FEFF and U+0085. So .NET would
/// accept a title ending in a line break that ECMA-262 rejects; each pattern is rewritten to ECMA-262's meaning first.
/// </summary>
internal static class OscalSchemas
{
    public const string Component = "oscal_component_schema.json";
    public const string Mapping = "oscal_mapping_schema.json";

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private static readonly ConcurrentDictionary<(string File, bool Ecma), JsonSchema> s_schemas = new();

    /// <summary>What the schema finds wrong with <paramref name="json"/>, as "where: why" lines; empty when it is valid.</summary>
    public static List<string> Errors(string schemaFile, string json, bool ecma = true)
    {
        var schema = s_schemas.GetOrAdd((schemaFile, ecma), static key => Load(key.File, key.Ecma));
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, Options);
        if (result.IsValid)
        {
            return [];
        }
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    private static JsonSchema Load(string file, bool ecma)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "oscal", file)))!;
        if (ecma)
        {
            RewritePatterns(node);
        }
        // A registry of its own: the plain and the rewritten schema share their $id.
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void RewritePatterns(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "pattern" && value is JsonValue v && v.TryGetValue<string>(out var pattern))
                    {
                        obj[key] = Ecma(pattern);
                    }
                    else
                    {
                        RewritePatterns(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewritePatterns(item);
                }
                break;
        }
    }

    /// <summary>An ECMA-262 pattern (no flags) as a .NET pattern that matches the same strings, for what OSCAL's patterns use.</summary>
    public static string Ecma(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                // ECMA-262's \s holds U+FEFF and not U+0085; .NET's the other way round.
                sb.Append(!inClass && next == 'S' ? @"(?:[^\s\uFEFF]|\x85)" : $"\\{next}");
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                sb.Append(c);
                continue;
            }
            sb.Append(c switch
            {
                '[' => "[",
                '.' => @"[^\n\r\u2028\u2029]",
                '$' => @"\z",
                _ => c.ToString(),
            });
            inClass = c == '[';
        }
        return sb.ToString();
    }
}
