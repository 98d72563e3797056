using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>
/// Reads an OSCAL catalog (JSON) into a <see cref="Catalog"/>: groups (nested groups too), controls and control
/// enhancements become a tree of criteria of kinds <c>group</c>, <c>control</c> and <c>enhancement</c>. A criterion's
/// <see cref="Criterion.Id"/> is its label (<c>AC-2(1)</c>) when it has one and its OSCAL id (<c>ac-2.1</c>) otherwise;
/// the OSCAL id and the other labels find it too. Withdrawn controls are left out of the tree but remembered, so a
/// reference to one says where it went. Every problem is a located CW3006; nothing here throws on bad input.
/// </summary>
internal static class OscalCatalogReader
{
    private const string OscalNamespace = "http://csrc.nist.gov/ns/oscal";

    /// <summary>
    /// The catalog id of an OSCAL file: its name without the extension, lower-cased, with every character other than
    /// a-z, 0-9, '.', '_' and '-' made '-' (<c>NIST-800-53_Moderate.json</c> is <c>nist-800-53_moderate</c>).
    /// </summary>
    public static string CatalogId(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/')[^1]).ToLowerInvariant();
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }
        return sb.Length > 0 ? sb.ToString() : "oscal";
    }

    /// <summary>
    /// Reads <paramref name="json"/> (UTF-8, without a BOM) from <paramref name="file"/>; returns the catalog, or
    /// <see langword="null"/> when the file is not JSON or not a catalog. <paramref name="idLocation"/> is where a clash
    /// of its id is reported (the <c>catalogs:</c> entry, as the id comes from the file name).
    /// </summary>
    public static CatalogFile? Read(ReadOnlyMemory<byte> json, string file, DiagnosticBag diagnostics, SourceLocation? idLocation)
    {
        var report = new OscalLocator(json, file, diagnostics);
        if (OscalCatalogJson.Read(json, report) is not { } document)
        {
            return null;
        }
        var id = CatalogId(file);
        var title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            report.Error(document.Offset, $"catalog '{id}' has no 'metadata' with a 'title'");
        }
        var catalog = new Catalog(id, string.IsNullOrEmpty(title) ? id : title, file, null);
        var builder = new Builder(catalog, report);
        builder.AddAll(document.Roots, null);
        builder.AddWithdrawn();
        if (catalog.Criteria.Count == 0)
        {
            report.Error(document.Offset, $"catalog '{id}' has no controls");
        }
        return new CatalogFile(catalog, idLocation ?? new SourceLocation(file, 1, 1), null, null);
    }

    private sealed class Builder(Catalog catalog, OscalLocator report)
    {
        private readonly HashSet<string> _oscalIds = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<OscalNode> _withdrawn = [];

        public void AddAll(IReadOnlyList<OscalNode> nodes, Criterion? parent)
        {
            foreach (var node in nodes)
            {
                if (node.IsGroup && string.IsNullOrEmpty(node.Id) && Labels(node).Count == 0)
                {
                    // A group may have no id in OSCAL; with no label either it cannot be named, so its members join the parent.
                    AddAll(node.Children, parent);
                    continue;
                }
                if (!node.IsGroup && string.IsNullOrEmpty(node.Id))
                {
                    report.Error(node.Offset, "a control has no 'id'");
                    continue;
                }
                if (IsWithdrawn(node))
                {
                    CollectWithdrawn(node);
                    continue;
                }
                if (Add(node, parent) is { } criterion)
                {
                    AddAll(node.Children, criterion);
                }
            }
        }

        /// <summary>Registers the withdrawn controls once every live one is known, so their links can name successors.</summary>
        public void AddWithdrawn()
        {
            foreach (var node in _withdrawn)
            {
                var labels = Labels(node).Where(ReferenceLexer.IsReferenceName).ToList();
                var names = labels.Prepend(node.Id!).Where(n => catalog.FindIgnoreCase(n) is null).ToList();
                var into = node.Links
                    .Where(l => l.Rel is "incorporated-into" or "moved-to" && l.Href.StartsWith('#'))
                    .Select(l => catalog.Find(l.Href[1..]))
                    .OfType<Criterion>()
                    .Distinct()
                    .ToList();
                catalog.AddWithdrawn(new WithdrawnCriterion(labels.FirstOrDefault() ?? node.Id!, into), names);
            }
        }

        private void CollectWithdrawn(OscalNode node)
        {
            _withdrawn.Add(node);
            foreach (var child in node.Children.Where(c => !c.IsGroup && !string.IsNullOrEmpty(c.Id)))
            {
                CollectWithdrawn(child);
            }
        }

        private Criterion? Add(OscalNode node, Criterion? parent)
        {
            var oscalId = string.IsNullOrEmpty(node.Id) ? null : node.Id;
            if (oscalId is not null && !_oscalIds.Add(oscalId))
            {
                report.Error(node.IdOffset, $"duplicate id '{oscalId}' in catalog '{catalog.Id}' (ids are compared ignoring case)");
                return null;
            }
            var labels = Labels(node);
            // The label without a class is the one to show (NIST also gives 'zero-padded' and 'sp800-53a' ones).
            var label = labels.FirstOrDefault(ReferenceLexer.IsReferenceName);
            if (label is not null && catalog.FindIgnoreCase(label) is { } taken)
            {
                report.Error(node.Offset, $"label '{label}' of {node.Describe()} is already used by '{taken.Id}'");
                label = null;
            }
            var idUsable = oscalId is not null && ReferenceLexer.IsReferenceName(oscalId);
            if (idUsable && catalog.FindIgnoreCase(oscalId!) is { } clash)
            {
                report.Error(node.IdOffset, $"id '{oscalId}' is already the label of '{clash.Id}'");
                return null;
            }
            var id = label ?? (idUsable ? oscalId : null);
            if (id is null)
            {
                report.Error(node.IdOffset, $"{node.Describe()} has neither an id nor a label that a reference can name: "
                    + "use letters, digits, '.' and '_', joined by '-' or followed by '(...)'");
                return null;
            }
            var alternates = new List<string>();
            foreach (var name in labels.Prepend(idUsable ? oscalId! : id))
            {
                // Other labels are conveniences: one that another criterion already has is not taken.
                if (name != id && !alternates.Contains(name, StringComparer.Ordinal) && ReferenceLexer.IsReferenceName(name)
                    && (catalog.FindIgnoreCase(name) is null || string.Equals(name, oscalId, StringComparison.Ordinal)))
                {
                    alternates.Add(name);
                }
            }
            var title = node.Title?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                report.Error(node.Offset, $"{node.Describe()} has no 'title'");
                title = id;
            }
            var kind = node.IsGroup ? "group" : parent is { Kind: "control" or "enhancement" } ? "enhancement" : "control";
            return catalog.Add(id, title, kind, parent, oscalId, alternates);
        }

        /// <summary>The node's labels (OSCAL's own <c>label</c> props): those without a class first, then the others.</summary>
        private static List<string> Labels(OscalNode node)
        {
            var own = node.Props.Where(p => p.Name == "label" && IsOscal(p.Ns) && p.Value.Trim().Length > 0).ToList();
            return [.. own.Where(p => p.Class is null).Concat(own.Where(p => p.Class is not null)).Select(p => p.Value.Trim())];
        }

        private static bool IsWithdrawn(OscalNode node)
            => node.Props.Any(p => p.Name == "status" && IsOscal(p.Ns) && string.Equals(p.Value.Trim(), "withdrawn", StringComparison.OrdinalIgnoreCase));

        // A prop without a namespace is OSCAL's own; NIST's 'implementation-level' is in its RMF namespace.
        private static bool IsOscal(string? ns) => ns is null || ns == OscalNamespace;
    }
}
