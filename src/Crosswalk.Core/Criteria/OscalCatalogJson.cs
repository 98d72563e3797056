using System.Text.Json;

namespace Crosswalk.Criteria;

/// <summary>A group or control of an OSCAL catalog as read from JSON, before it becomes a criterion.</summary>
/// <param name="isGroup">True for a group, false for a control (a nested control is a control enhancement).</param>
/// <param name="offset">Where its JSON object starts, for diagnostics.</param>
internal sealed class OscalNode(bool isGroup, long offset)
{
    public bool IsGroup { get; } = isGroup;

    public long Offset { get; } = offset;

    public string? Id { get; set; }

    public long IdOffset { get; set; } = offset;

    public string? Title { get; set; }

    public List<OscalProp> Props { get; } = [];

    public List<OscalLink> Links { get; } = [];

    public List<OscalNode> Children { get; } = [];

    public string Describe() => (IsGroup ? "group" : "control") + (Id is null ? "" : $" '{Id}'");
}

/// <summary>An OSCAL property: <c>{ "name": "label", "value": "AC-2(1)" }</c>.</summary>
internal readonly record struct OscalProp(string Name, string Value, string? Class, string? Ns);

/// <summary>An OSCAL link: <c>{ "href": "#ac-6", "rel": "incorporated-into" }</c>.</summary>
internal readonly record struct OscalLink(string Href, string? Rel);

/// <summary>What Crosswalk reads of an OSCAL catalog document: its title and its tree of groups and controls.</summary>
internal sealed class OscalDocument(long offset)
{
    public long Offset { get; } = offset;

    public string? Title { get; set; }

    public List<OscalNode> Roots { get; } = [];
}

/// <summary>
/// Reads an OSCAL catalog's JSON with <see cref="Utf8JsonReader"/> (no reflection, so it works under native AOT, and no
/// DOM of the statements it never uses). Wrong shapes are CW3006 at the token; invalid JSON is one CW3006 and no catalog.
/// </summary>
internal static class OscalCatalogJson
{
    // OSCAL nests groups and controls a few levels and parts a few more; a deeper file is not a catalog.
    private const int MaxDepth = 128;

    private static readonly string[] s_otherModels =
        ["profile", "component-definition", "system-security-plan", "assessment-plan", "assessment-results", "plan-of-action-and-milestones", "mapping-collection"];

    public static OscalDocument? Read(ReadOnlyMemory<byte> json, OscalLocator report)
    {
        if (json.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            report.Error(0, "the catalog file is empty; expected an OSCAL catalog (a JSON object with a 'catalog' property)");
            return null;
        }
        var r = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            var document = ReadRoot(ref r, report);
            // Anything after the root object is invalid JSON: reading on throws.
            while (r.Read())
            {
            }
            return document;
        }
        catch (JsonException ex)
        {
            report.Error(ex);
            return null;
        }
    }

    private static OscalDocument? ReadRoot(ref Utf8JsonReader r, OscalLocator report)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            report.Error(r.TokenStartIndex, "expected an OSCAL catalog: a JSON object with a 'catalog' property");
            r.Skip();
            return null;
        }
        OscalDocument? document = null;
        string? otherModel = null;
        var rootOffset = r.TokenStartIndex;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("catalog"u8))
            {
                r.Read();
                document = ReadCatalog(ref r, report);
                continue;
            }
            foreach (var model in s_otherModels)
            {
                if (otherModel is null && r.ValueTextEquals(model))
                {
                    otherModel = model;
                }
            }
            r.Read();
            r.Skip();
        }
        if (document is null)
        {
            report.Error(rootOffset, otherModel switch
            {
                null => "not an OSCAL catalog: the top-level object has no 'catalog' property",
                "profile" => "this is an OSCAL profile, not a catalog; resolve the profile into a catalog and name that file",
                _ => $"this is an OSCAL {otherModel}, not a catalog",
            });
        }
        return document;
    }

    private static OscalDocument? ReadCatalog(ref Utf8JsonReader r, OscalLocator report)
    {
        if (!Expect(ref r, JsonTokenType.StartObject, "'catalog' must be an object", report))
        {
            return null;
        }
        var document = new OscalDocument(r.TokenStartIndex);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("metadata"u8))
            {
                r.Read();
                if (Expect(ref r, JsonTokenType.StartObject, "'metadata' must be an object", report))
                {
                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        var isTitle = r.ValueTextEquals("title"u8);
                        r.Read();
                        if (isTitle)
                        {
                            document.Title = String(ref r, "'title' of 'metadata'", report);
                        }
                        r.Skip();
                    }
                }
            }
            else if (r.ValueTextEquals("groups"u8))
            {
                r.Read();
                Nodes(ref r, isGroup: true, document.Roots, "'groups' of the catalog", report);
            }
            else if (r.ValueTextEquals("controls"u8))
            {
                r.Read();
                Nodes(ref r, isGroup: false, document.Roots, "'controls' of the catalog", report);
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        return document;
    }

    private static void Nodes(ref Utf8JsonReader r, bool isGroup, List<OscalNode> into, string what, OscalLocator report)
    {
        if (!Expect(ref r, JsonTokenType.StartArray, $"{what} must be an array", report))
        {
            return;
        }
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (Expect(ref r, JsonTokenType.StartObject, $"each item of {what} must be an object", report))
            {
                into.Add(Node(ref r, isGroup, report));
            }
        }
    }

    private static OscalNode Node(ref Utf8JsonReader r, bool isGroup, OscalLocator report)
    {
        var node = new OscalNode(isGroup, r.TokenStartIndex);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                node.IdOffset = r.TokenStartIndex;
                node.Id = String(ref r, $"'id' of a {(isGroup ? "group" : "control")}", report);
            }
            else if (r.ValueTextEquals("title"u8))
            {
                r.Read();
                node.Title = String(ref r, $"'title' of {node.Describe()}", report);
            }
            else if (r.ValueTextEquals("props"u8))
            {
                r.Read();
                Props(ref r, node, report);
            }
            else if (r.ValueTextEquals("links"u8))
            {
                r.Read();
                Links(ref r, node, report);
            }
            else if (r.ValueTextEquals("controls"u8))
            {
                r.Read();
                Nodes(ref r, isGroup: false, node.Children, $"'controls' of {node.Describe()}", report);
            }
            else if (isGroup && r.ValueTextEquals("groups"u8))
            {
                r.Read();
                Nodes(ref r, isGroup: true, node.Children, $"'groups' of {node.Describe()}", report);
            }
            else
            {
                // Statements, parameters and the rest are the standard's text: Crosswalk never shows them.
                r.Read();
                r.Skip();
            }
        }
        return node;
    }

    private static void Props(ref Utf8JsonReader r, OscalNode node, OscalLocator report)
    {
        if (!Expect(ref r, JsonTokenType.StartArray, $"'props' of {node.Describe()} must be an array", report))
        {
            return;
        }
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!Expect(ref r, JsonTokenType.StartObject, $"each item of 'props' of {node.Describe()} must be an object", report))
            {
                continue;
            }
            string? name = null, value = null, @class = null, ns = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var key = r.ValueTextEquals("name"u8) ? 1 : r.ValueTextEquals("value"u8) ? 2 : r.ValueTextEquals("class"u8) ? 3 : r.ValueTextEquals("ns"u8) ? 4 : 0;
                r.Read();
                switch (key)
                {
                    case 1: name = String(ref r, "'name' of a property", report); break;
                    case 2: value = String(ref r, "'value' of a property", report); break;
                    case 3: @class = String(ref r, "'class' of a property", report); break;
                    case 4: ns = String(ref r, "'ns' of a property", report); break;
                    default: r.Skip(); break;
                }
            }
            if (name is not null && value is not null)
            {
                node.Props.Add(new OscalProp(name, value, @class, ns));
            }
        }
    }

    private static void Links(ref Utf8JsonReader r, OscalNode node, OscalLocator report)
    {
        if (!Expect(ref r, JsonTokenType.StartArray, $"'links' of {node.Describe()} must be an array", report))
        {
            return;
        }
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!Expect(ref r, JsonTokenType.StartObject, $"each item of 'links' of {node.Describe()} must be an object", report))
            {
                continue;
            }
            string? href = null, rel = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var key = r.ValueTextEquals("href"u8) ? 1 : r.ValueTextEquals("rel"u8) ? 2 : 0;
                r.Read();
                switch (key)
                {
                    case 1: href = String(ref r, "'href' of a link", report); break;
                    case 2: rel = String(ref r, "'rel' of a link", report); break;
                    default: r.Skip(); break;
                }
            }
            if (href is not null)
            {
                node.Links.Add(new OscalLink(href, rel));
            }
        }
    }

    /// <summary>True when the reader stands on <paramref name="type"/>; otherwise reports, skips the value and returns false.</summary>
    private static bool Expect(ref Utf8JsonReader r, JsonTokenType type, string message, OscalLocator report)
    {
        if (r.TokenType == type)
        {
            return true;
        }
        report.Error(r.TokenStartIndex, message);
        r.Skip();
        return false;
    }

    /// <summary>The string the reader stands on; anything else is reported and skipped.</summary>
    private static string? String(ref Utf8JsonReader r, string what, OscalLocator report)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            report.Error(r.TokenStartIndex, $"{what} must be a string");
            r.Skip();
            return null;
        }
        try
        {
            return r.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no string.
            report.Error(r.TokenStartIndex, $"{what} is not valid text (an escaped lone surrogate)");
            return null;
        }
    }
}
