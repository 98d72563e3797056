using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Content;

/// <summary>The type of a front-matter value: how it is read and how the JSON Schema describes it.</summary>
public enum FieldKind
{
    /// <summary>Any single value.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number, whole or not (<c>4.5</c>).</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>An ISO date, <c>2027-05-20</c>.</summary>
    Date,
    /// <summary>An interval, <c>12 months</c>.</summary>
    Duration,
    /// <summary>A person or role, <c>Security Lead</c>.</summary>
    Person,
    /// <summary>One person or a list of them.</summary>
    People,
    /// <summary>One value or a list of values.</summary>
    List,
    /// <summary>One of fixed words.</summary>
    Choice,
    /// <summary>A URL path starting with <c>/</c>.</summary>
    UrlPath,
    /// <summary>One URL path or a list of them.</summary>
    UrlPaths,
    /// <summary>A list of approvals: <c>{ by, on, role, version }</c>.</summary>
    Approvals,
    /// <summary>Catalog ids mapped to lists of criteria.</summary>
    Criteria,
    /// <summary>comply's revision list: <c>{ date, comment }</c> entries.</summary>
    Revisions,
    /// <summary>Anything (a site's own key of no declared type).</summary>
    Any,
}

/// <summary>A front-matter key: its name, type, what it means and how it sets the page's <see cref="PageMeta"/>.</summary>
/// <param name="Name">The key.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Description">One sentence for the README, the JSON Schema and editors.</param>
/// <param name="Read">Reads the value into the page's metadata (reporting a wrong value); null for a site's own keys, which are only checked.</param>
/// <param name="Choices">The words a <see cref="FieldKind.Choice"/> accepts.</param>
public sealed record FrontMatterField(string Name, FieldKind Kind, string Description, Func<FieldReader, YamlNode, PageMeta, PageMeta>? Read,
    IReadOnlyList<string>? Choices = null);

/// <summary>
/// The registry of front-matter keys: every key Crosswalk reads is declared here once, with its type, and the reader,
/// the unknown-key check, the README and the shipped JSON Schema all follow it. A site adds its own keys under
/// <c>front_matter:</c> in site.yml (<see cref="WithSiteKeys"/>).
/// </summary>
public sealed partial class FrontMatterSchema
{
    private readonly Dictionary<string, FrontMatterField> _byName;

    private FrontMatterSchema(IReadOnlyList<FrontMatterField> fields)
    {
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The keys, built-in first, in the order they are documented.</summary>
    public IReadOnlyList<FrontMatterField> Fields { get; }

    /// <summary>The field named <paramref name="name"/> (exact case), or null.</summary>
    public FrontMatterField? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>This schema with a site's own keys (name to type) added; a built-in key keeps its own type.</summary>
    public FrontMatterSchema WithSiteKeys(IReadOnlyDictionary<string, FieldKind> keys) =>
        keys.Count == 0 ? this : new([.. Fields, .. keys.Where(k => !_byName.ContainsKey(k.Key)).OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new FrontMatterField(k.Key, k.Value, "Declared under front_matter: in site.yml.", null))]);

    /// <summary>The keys Crosswalk reads.</summary>
    public static FrontMatterSchema BuiltIn { get; } = new(
    [
        new("title", FieldKind.Text, "The page's title (default: its first '#' heading, else its file name).", (r, n, m) => m with { Title = r.Text(n) }),
        new("short_title", FieldKind.Text, "A shorter title for the sidebar and breadcrumbs.", (r, n, m) => m with { ShortTitle = r.Text(n) }),
        new("summary", FieldKind.Text, "One sentence under the title, in search results and link previews.", (r, n, m) => m with { Summary = r.Text(n) ?? m.Summary }),
        new("description", FieldKind.Text, "The same as summary (summary wins when both are set).", (r, n, m) => m with { Summary = m.Summary ?? r.Text(n) }),
        new("permalink", FieldKind.UrlPath, "The page's URL, starting with '/' (default: from its path).", ReadPermalink),
        new("slug", FieldKind.Text, "The last part of the page's URL in place of its file name; starting with '/', the whole path (under Docusaurus' route base).",
            (r, n, m) => m with { Slug = r.Text(n) }),
        new("id", FieldKind.Text, "Docusaurus' doc id: under the docusaurus profile it replaces the file name in the URL (comply's procedure id is read, not used).", (r, n, m) => m with { DocId = r.Text(n) }),
        new("layout", FieldKind.Text, "The template under layouts/ that renders the page (default: page).", (r, n, m) => m with { Layout = r.Text(n) }),
        new("nav_order", FieldKind.Number, "The page's place among its siblings in the sidebar (lower first; 4.5 goes between 4 and 5).", (r, n, m) => m with { NavOrder = r.Number(n) ?? m.NavOrder }),
        new("nav_exclude", FieldKind.Boolean, "true keeps the page out of the sidebar.", (r, n, m) => m with { HideFromNav = r.Boolean(n) ?? m.HideFromNav }),
        new("redirect_from", FieldKind.UrlPaths, "Old URLs (or one) that redirect to this page.", ReadRedirectFrom),
        new("satisfies", FieldKind.Criteria, "The criteria the page claims, by catalog: { soc2-tsc-2017: [CC6.1, CC6.2] }.", ReadSatisfies),
        new("document_type", FieldKind.Choice, "What kind of document the page is: policy (the default) or procedure.",
            (r, n, m) => r.Choice(n, ["policy", "procedure"]) is { } c ? m with { DocumentType = c == "procedure" ? DocumentType.Procedure : DocumentType.Policy } : m,
            ["policy", "procedure"]),
        new("owner", FieldKind.Person, "Who owns the document: a person or role.", (r, n, m) => m with { Owner = r.NonEmpty(n, "Security Lead") ?? m.Owner }),
        new("version", FieldKind.Text, "The version in force, e.g. 2.1.", (r, n, m) => m with { Version = r.NonEmpty(n, "1.0") ?? m.Version }),
        new("change", FieldKind.Choice, "How large this version's change is: major or minor.",
            (r, n, m) => r.Choice(n, ["major", "minor"]) is { } c ? m with { Change = c == "major" ? ChangeKind.Major : ChangeKind.Minor } : m, ["major", "minor"]),
        new("approved_by", FieldKind.People, "Who approved this version (a person or role, or a list).",
            (r, n, m) => r.List(n).Select(p => p.Value.Trim()).Where(p => p.Length > 0).ToList() is { Count: > 0 } people ? m with { ApprovedBy = string.Join(", ", people) } : m),
        new("approved_on", FieldKind.Date, "When this version was approved (YYYY-MM-DD).", (r, n, m) => m with { ApprovedOn = r.Date(n) ?? m.ApprovedOn }),
        new("approvals", FieldKind.Approvals, "Approvals as a list of { by, on, role, version }.", ReadApprovals),
        new("last_reviewed", FieldKind.Date, "When the document was last reviewed (YYYY-MM-DD).", (r, n, m) => m with { LastReviewed = r.Date(n) ?? m.LastReviewed }),
        new("next_review", FieldKind.Date, "When the next review is due (YYYY-MM-DD).",
            (r, n, m) => r.Date(n) is { } d ? m with { NextReview = d, NextReviewAt = r.Location(n) } : m),
        new("review_every", FieldKind.Duration, "How often the document is reviewed, e.g. 12 months; with last_reviewed it sets the due date when next_review is absent.",
            (r, n, m) => r.Duration(n) is { } d ? m with { ReviewEvery = d, ReviewEveryAt = r.Location(n) } : m),
        .. ComplyFields(),
    ]);

    // The type names a site can declare, with the aliases a YAML author reaches for first.
    private static readonly Dictionary<string, FieldKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["text"] = FieldKind.Text, ["string"] = FieldKind.Text, ["integer"] = FieldKind.Integer, ["number"] = FieldKind.Number,
        ["boolean"] = FieldKind.Boolean, ["date"] = FieldKind.Date, ["duration"] = FieldKind.Duration, ["person"] = FieldKind.Person,
        ["people"] = FieldKind.People, ["list"] = FieldKind.List, ["any"] = FieldKind.Any,
    };

    /// <summary>The type a site declares for its own key (<c>text</c>, <c>date</c>, <c>list</c>…, exact case); null for an unknown name.</summary>
    public static FieldKind? ParseKind(string name) => s_kinds.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>Every type name a site can declare (aliases included).</summary>
    public static IReadOnlyList<string> KindNames { get; } = [.. s_kinds.Keys];

    private static PageMeta ReadPermalink(FieldReader r, YamlNode node, PageMeta meta)
    {
        var permalink = r.Text(node);
        if (permalink is not null && !permalink.StartsWith('/'))
        {
            r.Error(node, $"permalink '{permalink}' must start with '/'");
            permalink = null;
        }
        return meta with { Permalink = permalink, PermalinkLocation = r.Location(node) };
    }

    /// <summary>The most <c>redirect_from</c> entries one page may have.</summary>
    public const int MaxRedirectsPerPage = 1000;

    private static PageMeta ReadRedirectFrom(FieldReader r, YamlNode node, PageMeta meta)
    {
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        var list = new List<(string, SourceLocation)>();
        foreach (var item in items)
        {
            // Each entry writes a page: a bound keeps one line of front matter from writing gigabytes.
            if (list.Count == MaxRedirectsPerPage)
            {
                r.Error(item, $"a page may have at most {MaxRedirectsPerPage} 'redirect_from' entries; the rest are left out",
                    "move old URLs in bulk to 'redirects:' in site.yml, or drop those no one links to");
                break;
            }
            if (item is YamlScalarNode { Value: { } url } && url.StartsWith('/'))
            {
                list.Add((url, r.Location(item)));
            }
            else
            {
                r.Error(item, "each 'redirect_from' entry must be a URL path starting with '/'");
            }
        }
        return meta with { RedirectFrom = list };
    }

    private static PageMeta ReadSatisfies(FieldReader r, YamlNode node, PageMeta meta)
    {
        var list = new List<SatisfiesEntry>();
        if (node is not YamlMappingNode m)
        {
            r.Error(node, "'satisfies' must map catalog ids to lists of criteria, e.g. { soc2-tsc-2017: [CC6.1] }");
            return meta with { Satisfies = list };
        }
        foreach (var (k, v) in m.Children)
        {
            r.UsedAt = k;
            var catalog = (k as YamlScalarNode)?.Value ?? "";
            var catalogAt = r.Location(k);
            IEnumerable<YamlNode> items = v is YamlSequenceNode seq ? seq.Children : [v];
            foreach (var item in items)
            {
                if (item is YamlScalarNode { Value: { } expr })
                {
                    // Columns inside the expression count from its first character: after the opening quote, if any.
                    var at = r.Location(item);
                    var quoted = !r.IsAliased(item) && item is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted };
                    list.Add(new SatisfiesEntry(catalog, expr, quoted ? at with { Column = at.Column + 1 } : at, catalogAt));
                }
                else
                {
                    // Once per catalog: an alias can repeat the same bad node many times.
                    r.Error(item, $"criteria under '{catalog}' must be strings such as CC6.1");
                    break;
                }
            }
        }
        return meta with { Satisfies = list };
    }

    private static PageMeta ReadApprovals(FieldReader r, YamlNode node, PageMeta meta)
    {
        if (node is not YamlSequenceNode seq)
        {
            r.Error(node, "'approvals' must be a list of { by, on, role, version }");
            return meta;
        }
        var list = new List<Approval>();
        string[] keys = ["by", "on", "role", "version"];
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                r.Error(item, "each approval must be a mapping such as { by: CISO, on: 2026-11-20 }");
                continue;
            }
            string? by = null, role = null, version = null;
            DateOnly? on = null;
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                r.Key = key;
                switch (key)
                {
                    case "by": by = r.NonEmpty(v, "CISO"); break;
                    case "on": on = r.Date(v); break;
                    case "role": role = r.Text(v); break;
                    case "version": version = r.Text(v); break;
                    default:
                        r.Error(k, $"unknown key '{key}' in an approval", DidYouMean.Help(key, keys) ?? "an approval has by, on, role and version");
                        break;
                }
            }
            r.Key = "approvals";
            if (by is null)
            {
                r.Error(item, "an approval needs 'by': who approved");
                continue;
            }
            list.Add(new Approval(by, on, role, version));
        }
        return meta with { ApprovalList = list };
    }
}
