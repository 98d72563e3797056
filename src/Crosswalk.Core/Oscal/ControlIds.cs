using System.Text;
using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>
/// The OSCAL control-id of each criterion of a catalog. OSCAL's token type is an XML NCName: a letter or '_', then
/// letters, digits, '.', '-' and '_'. An ID that is a token already (<c>CC6.1</c>, <c>A.9.1.1</c>) is used as is;
/// any other is made one by <see cref="Token"/> (<c>9.1</c> → <c>_9.1</c>, <c>Clause 9</c> → <c>Clause_9</c>).
/// Should two IDs of a catalog give the same token, the later in catalog order gets <c>-2</c>, <c>-3</c>, ….
/// A criterion read from an OSCAL catalog keeps its OSCAL id (<c>ac-2.1</c>, not its label <c>AC-2(1)</c>), so the
/// export names the controls of that catalog as it does.
/// </summary>
public sealed class ControlIds
{
    private readonly Dictionary<Criterion, string> _ids = [];

    /// <summary>The control-ids of <paramref name="catalog"/>'s criteria.</summary>
    public ControlIds(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        // IDs that are tokens keep their spelling whatever comes later: they are taken first.
        var taken = new HashSet<string>(catalog.Criteria.Select(Preferred).Where(IsToken), StringComparer.Ordinal);
        foreach (var criterion in catalog.Criteria)
        {
            var id = Preferred(criterion);
            if (IsToken(id))
            {
                _ids[criterion] = id;
                continue;
            }
            var stem = Token(id);
            var token = stem;
            for (var n = 2; !taken.Add(token); n++)
            {
                token = $"{stem}-{n}";
            }
            _ids[criterion] = token;
        }
    }

    // OSCAL ids are tokens by OSCAL's schema; one that is not (a hand-made file) is treated as any other ID.
    private static string Preferred(Criterion criterion) => criterion.OscalId ?? criterion.Id;

    /// <summary>The control-id of <paramref name="criterion"/>, one of this catalog's.</summary>
    public string Of(Criterion criterion) => _ids[criterion];

    /// <summary>
    /// <paramref name="id"/> as a token: itself when it is one; else each character that a token cannot hold becomes
    /// '_', and '_' goes before a first character that is not a letter.
    /// </summary>
    public static string Token(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (IsToken(id))
        {
            return id;
        }
        var sb = new StringBuilder(id.Length + 1);
        if (id.Length == 0 || !char.IsLetter(id[0]))
        {
            sb.Append('_');
        }
        foreach (var c in id)
        {
            sb.Append(IsTokenChar(c) ? c : '_');
        }
        return sb.ToString();
    }

    /// <summary>True when <paramref name="text"/> matches OSCAL's token pattern <c>^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$</c>.</summary>
    public static bool IsToken(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && AllTokenChars(text);

    private static bool AllTokenChars(string text)
    {
        foreach (var c in text)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }
        return true;
    }

    // Letters and numbers by UTF-16 unit, as the pattern is matched: a surrogate is neither.
    private static bool IsTokenChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '.' or '-' or '_';
}

/// <summary>The <see cref="ControlIds"/> of each catalog, made when first asked for.</summary>
internal sealed class ControlIdCache
{
    private readonly Dictionary<Catalog, ControlIds> _byCatalog = [];

    public ControlIds For(Catalog catalog)
    {
        if (!_byCatalog.TryGetValue(catalog, out var ids))
        {
            _byCatalog[catalog] = ids = new ControlIds(catalog);
        }
        return ids;
    }
}
