using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Content;

// The keys strongDM's comply writes (its Document and Procedure types), so its policies, procedures and narratives
// are read as they are, without a CW1007 for each.
public sealed partial class FrontMatterSchema
{
    // A method, not a field: BuiltIn calls it while it is built, and the order of static initializers across the
    // files of a partial class is unspecified.
    private static FrontMatterField[] ComplyFields() =>
    [
        new("name", FieldKind.Text, "The document's title when 'title' is absent (comply's key); its body's '#' headings are then sections, not the title.",
            (r, n, m) => m with { Name = r.Text(n) }),
        new("acronym", FieldKind.Text, "The document's short code, e.g. AOTP (comply names its PDF by it); read, not used.", CheckText),
        new("majorRevisions", FieldKind.Revisions, "comply's list of major revisions, each { date, comment }; checked, not shown (the page's revisions come from git).",
            ReadRevisions),
        new("cron", FieldKind.Text, "A comply procedure's schedule (a cron expression) for recurring tickets; read, not used.", CheckText),
    ];

    // Only its type is checked: Crosswalk has no use for the value.
    private static PageMeta CheckText(FieldReader r, YamlNode node, PageMeta meta)
    {
        _ = r.Text(node);
        return meta;
    }

    private static readonly string[] s_revisionKeys = ["date", "comment"];

    private static PageMeta ReadRevisions(FieldReader r, YamlNode node, PageMeta meta)
    {
        if (node is not YamlSequenceNode seq)
        {
            r.Error(node, "'majorRevisions' must be a list of { date, comment }");
            return meta;
        }
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                r.Error(item, "each revision must be a mapping such as { date: Jun 1 2018, comment: Initial document }");
                continue;
            }
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                if (!s_revisionKeys.Contains(key))
                {
                    r.Error(k, $"unknown key '{key}' in a revision", DidYouMean.Help(key, s_revisionKeys) ?? "a revision has date and comment");
                    continue;
                }
                r.Key = key;
                r.Text(v);
            }
            r.Key = "majorRevisions";
        }
        return meta;
    }
}
