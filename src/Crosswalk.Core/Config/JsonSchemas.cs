using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crosswalk.Content;

namespace Crosswalk.Config;

/// <summary>
/// JSON Schemas (draft 2020-12) of site.yml and of front matter, made from the key registries (<see cref="SiteKeys"/>,
/// <see cref="FrontMatterSchema"/>) so that editors flag what Crosswalk would report. YAML editors read YAML 1.2: an
/// unquoted <c>2.1</c> reaches the schema as a number and <c>yes</c> as a string, so each type accepts every form Crosswalk reads.
/// </summary>
public static class JsonSchemas
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema of site.yml.</summary>
    public static string SiteConfig()
    {
        var properties = new JsonObject();
        foreach (var key in SiteKeys.All)
        {
            properties[key.Name] = key.SchemaNode();
        }
        var document = Document("Crosswalk site.yml", "The configuration of a Crosswalk site.", properties);
        document["$defs"] = JsonNode.Parse(SiteKeys.Definitions);
        return Write(document);
    }

    /// <summary>The schema of a page's front matter with the keys of <paramref name="schema"/>.</summary>
    public static string FrontMatter(FrontMatterSchema schema)
    {
        var properties = new JsonObject();
        foreach (var field in schema.Fields)
        {
            var node = Kind(field.Kind, field.Choices);
            node.Insert(0, "description", field.Description);
            properties[field.Name] = node;
        }
        return Write(Document("Crosswalk front matter", "The YAML block at the top of a Crosswalk page.", properties));
    }

    /// <summary>The schema of a value of <paramref name="kind"/>: what <see cref="FieldReader"/> accepts, as a YAML 1.2 editor sees it.</summary>
    internal static JsonObject Kind(FieldKind kind, IReadOnlyList<string>? choices = null) => kind switch
    {
        // A scalar of any kind; an empty value reads as "".
        FieldKind.Text => Parse("""{ "type": ["string", "number", "boolean", "null"] }"""),
        // The pattern applies to strings only: not blank.
        FieldKind.Person => Parse("""{ "type": ["string", "number", "boolean"], "pattern": "\\S" }"""),
        // A quoted number is read too (int.TryParse with sign and surrounding spaces).
        FieldKind.Integer => OneOf(
            new JsonObject { ["type"] = "integer", ["minimum"] = int.MinValue, ["maximum"] = int.MaxValue },
            Parse("""{ "type": "string", "pattern": "^\\s*[+-]?[0-9]+\\s*$" }""")),
        // A quoted number is read too (double.TryParse, invariant culture).
        FieldKind.Number => OneOf(
            Parse("""{ "type": "number" }"""),
            Parse("""{ "type": "string", "pattern": "^\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*$" }""")),
        // yes/no/on/off are strings to a YAML 1.2 editor; Crosswalk reads all six words in any case.
        FieldKind.Boolean => OneOf(Parse("""{ "type": "boolean" }"""), Words("", "", "true", "false", "yes", "no", "on", "off")),
        FieldKind.Date => Parse("""{ "type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" }"""),
        FieldKind.Duration => Duration(),
        // The enum gives editors completions; the pattern takes any case and surrounding spaces, as Crosswalk does.
        FieldKind.Choice when choices is { Count: > 0 } => AnyOf(new JsonObject { ["enum"] = Array(choices) }, Words(@"\s*", @"\s*", [.. choices])),
        FieldKind.Choice => Kind(FieldKind.Text),
        FieldKind.UrlPath => Parse("""{ "type": "string", "pattern": "^/" }"""),
        FieldKind.People or FieldKind.List => OneOrMany(Kind(FieldKind.Text)),
        FieldKind.UrlPaths => OneOrMany(Kind(FieldKind.UrlPath)),
        FieldKind.Approvals => Approvals(),
        FieldKind.Revisions => new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["date"] = Described(Kind(FieldKind.Text), "When, as written (comply: Jun 1 2018)."),
                    ["comment"] = Described(Kind(FieldKind.Text), "What changed."),
                },
            },
        },
        // A catalog's criteria: one expression or a list; an id such as 5.1 is a number to YAML.
        FieldKind.Criteria => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = OneOrMany(Parse("""{ "type": ["string", "number"] }""")),
        },
        _ => new JsonObject(),
    };

    private static JsonObject Approvals() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Array(["by"]),
            ["properties"] = new JsonObject
            {
                ["by"] = Described(Kind(FieldKind.Person), "Who approved: a person or role."),
                ["on"] = Described(Kind(FieldKind.Date), "When (YYYY-MM-DD)."),
                ["role"] = Described(Kind(FieldKind.Text), "The approver's role."),
                ["version"] = Described(Kind(FieldKind.Text), "The version approved."),
            },
        },
    };

    /// <summary>
    /// What <see cref="ReviewInterval.Parse"/> reads, <c>12 months</c> or ISO <c>P12M</c>, in any case and with 1 to 5 digits
    /// not all zero. The 100-year limit is left to Crosswalk: a pattern over numbers with leading zeros would be unreadable.
    /// </summary>
    private static JsonObject Duration()
    {
        // The first non-zero digit's place, spelled out: lookahead is outside the regex subset JSON Schema recommends.
        var count = "(?:" + string.Join("|", Enumerable.Range(0, 5).Select(z => new string('0', z) + "[1-9]" + (z < 4 ? $"[0-9]{{0,{4 - z}}}" : ""))) + ")";
        var words = $@"{count}\s*(?:{AnyCase("days")}?|{AnyCase("weeks")}?|{AnyCase("months")}?|{AnyCase("years")}?)";
        var iso = $"{AnyCase("p")}{count}[DdWwMmYy]";
        return new JsonObject { ["type"] = "string", ["pattern"] = $@"^\s*(?:{words}|{iso})\s*$" };
    }

    /// <summary>A string that is one of <paramref name="words"/> in any case, between <paramref name="before"/> and <paramref name="after"/>.</summary>
    private static JsonObject Words(string before, string after, params string[] words) => new()
    {
        ["type"] = "string",
        ["pattern"] = $"^{before}(?:{string.Join("|", words.Select(AnyCase))}){after}$",
    };

    // JSON Schema patterns have no case-insensitive flag.
    private static string AnyCase(string word)
    {
        var sb = new StringBuilder();
        foreach (var c in word)
        {
            var (lower, upper) = (char.ToLowerInvariant(c), char.ToUpperInvariant(c));
            // Only ECMAScript's syntax characters are escaped: editors compile patterns in Unicode mode, which rejects other escapes.
            sb.Append(lower != upper ? $"[{upper}{lower}]" : @"\^$.|?*+()[]{}/".Contains(c) ? $@"\{c}" : c.ToString());
        }
        return sb.ToString();
    }

    private static JsonObject OneOrMany(JsonObject item) =>
        OneOf(item, new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() });

    private static JsonObject OneOf(params JsonObject[] schemas) => new() { ["oneOf"] = new JsonArray([.. schemas]) };

    private static JsonObject AnyOf(params JsonObject[] schemas) => new() { ["anyOf"] = new JsonArray([.. schemas]) };

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonObject Described(JsonObject node, string description)
    {
        node.Insert(0, "description", description);
        return node;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Document(string title, string description, JsonObject properties) => new()
    {
        ["$schema"] = Draft,
        ["title"] = title,
        ["description"] = description,
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = properties,
    };

    /// <summary>Indented, \n newlines and a final one on every platform, so the shipped files compare byte for byte.</summary>
    private static string Write(JsonObject document)
    {
        // Writing the nodes directly needs no serializer metadata, so this stays fit for native AOT. The schemas are
        // read by editors, not embedded in HTML: the relaxed encoder keeps quotes and '+' readable.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
