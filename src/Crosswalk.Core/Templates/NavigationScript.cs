using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crosswalk.Content;
using Crosswalk.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Templates;

/// <summary>
/// The whole sidebar tree of a site too large to list on every page (<see cref="Navigation.IsPruned"/>), written once
/// as <see cref="Path"/>: a script defining <c>window.crosswalkNav</c>, which the theme's script loads with a
/// <c>&lt;script&gt;</c> tag when the reader asks for the whole tree (fetch() of a file fails from <c>file://</c>).
/// Each entry is <c>[title, url, children]</c>, its URL relative to the site's root (null for a folder without an
/// index page) and its children left out when it has none.
/// </summary>
internal sealed class NavigationScript : IArtifact
{
    /// <summary>Where the tree is written.</summary>
    public const string Path = "assets/nav-tree.js";

    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => [(Path, "the sidebar's whole tree")];

    // Written only when pages leave part of the tree out: a small site's pages list it all.
    public IEnumerable<OutputFile> Files(RenderModel model) => !model.Site.Navigation.IsPruned ? []
        : [new BytesFile(Path, model.Signatures.Structure, () => Built(model.Site.Navigation).Script)];

    /// <summary>
    /// The first 12 hex digits of the written script's SHA-256, for its URL. The script and its digest are made once
    /// per sidebar, for the file and every page's URL alike (the preview keeps its sidebar from edit to edit while the
    /// site's structure stands, so an edit does not make the tree again).
    /// </summary>
    public static string Digest(Navigation navigation) => Built(navigation).Digest;

    private sealed record Tree(byte[] Script, string Digest);

    private static readonly ConditionalWeakTable<Navigation, Tree> Trees = new();

    private static Tree Built(Navigation navigation) => Trees.GetValue(navigation, static n =>
    {
        var script = Script(n);
        return new Tree(script, Convert.ToHexStringLower(SHA256.HashData(script))[..12]);
    });

    /// <summary>The script: the tree's titles and URLs as JSON, escaped for a script (no <c>&lt;</c>, <c>&amp;</c> or quote characters appear as such).</summary>
    public static byte[] Script(Navigation navigation)
    {
        using var stream = new MemoryStream();
        stream.Write("/* Crosswalk sidebar tree, made by the build: see README, Sidebar. */\nwindow.crosswalkNav="u8);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WritePropertyName("tree");
            WriteNodes(json, navigation.Roots);
            json.WriteEndObject();
        }
        stream.Write(";\n"u8);
        return stream.ToArray();
    }

    private static void WriteNodes(Utf8JsonWriter json, IReadOnlyList<NavNode> nodes)
    {
        json.WriteStartArray();
        foreach (var node in nodes)
        {
            json.WriteStartArray();
            json.WriteStringValue(node.Title);
            if (node.Url is { } url)
            {
                json.WriteStringValue(url.TrimStart('/'));
            }
            else
            {
                json.WriteNullValue();
            }
            if (node.Children.Count > 0)
            {
                WriteNodes(json, node.Children);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
