using System.Security.Cryptography;
using System.Text.Json;

namespace Crosswalk.Oscal;

/// <summary>A property of an OSCAL object: OSCAL's own (<paramref name="Own"/> false) or one in Crosswalk's namespace.</summary>
internal readonly record struct OscalProp(string Name, string Value, bool Own = true);

/// <summary>A link of an OSCAL object (<c>rel</c> is always <c>reference</c>).</summary>
internal readonly record struct OscalLink(string Href, string Text);

/// <summary>The pieces both exported documents write the same way.</summary>
internal static class OscalJson
{
    /// <summary>
    /// Writes a document twice: first with its uuid and version blank, to take the SHA-256 of those bytes; then with
    /// the version set to the digest's first 12 hex digits and the uuid to a UUID v5 of the digest. Both change exactly
    /// when the content does, and identical input gives identical bytes.
    /// </summary>
    public static byte[] Document(string kind, Action<Utf8JsonWriter, string, string> write)
    {
        var draft = Render(write, "", "");
        var digest = Convert.ToHexStringLower(SHA256.HashData(draft));
        var uuid = NameBasedUuid.V5(NameBasedUuid.Crosswalk, kind + "\n" + digest);
        return Render(write, uuid.ToString("D"), digest[..12]);
    }

    // Line feeds whatever the platform, so the bytes are the same everywhere. The files are data, never inlined in HTML
    // or script: the writer escapes what JSON requires (quotes, backslashes, control characters) and leaves '<', '\''
    // and letters beyond ASCII readable.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static byte[] Render(Action<Utf8JsonWriter, string, string> write, string uuid, string version)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            write(w, uuid, version);
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The <c>metadata</c> object.</summary>
    public static void Metadata(Utf8JsonWriter w, string title, string lastModified, string version, string remarks)
    {
        w.WriteStartObject("metadata");
        w.WriteString("title", title);
        w.WriteString("last-modified", lastModified);
        w.WriteString("version", version);
        w.WriteString("oscal-version", OscalExport.OscalVersion);
        w.WriteString("remarks", remarks);
        w.WriteEndObject();
    }

    /// <summary>A <c>props</c> array, left out when empty (OSCAL's arrays hold at least one item).</summary>
    public static void Props(Utf8JsonWriter w, IEnumerable<OscalProp> props)
    {
        var started = false;
        foreach (var prop in props)
        {
            if (!started)
            {
                w.WriteStartArray("props");
                started = true;
            }
            w.WriteStartObject();
            w.WriteString("name", prop.Name);
            if (!prop.Own)
            {
                w.WriteString("ns", OscalExport.Namespace);
            }
            w.WriteString("value", prop.Value);
            w.WriteEndObject();
        }
        if (started)
        {
            w.WriteEndArray();
        }
    }

    /// <summary>A <c>links</c> array, left out when empty.</summary>
    public static void Links(Utf8JsonWriter w, IReadOnlyList<OscalLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }
        w.WriteStartArray("links");
        foreach (var link in links)
        {
            w.WriteStartObject();
            w.WriteString("href", link.Href);
            w.WriteString("rel", "reference");
            w.WriteString("text", link.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
