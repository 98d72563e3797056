using System.Collections.Concurrent;
using Crosswalk.Criteria;

namespace Crosswalk.Preview.Incremental;

/// <summary>
/// How many pages each criterion's claims take, kept from build to build while the claims signature is the same.
/// Listing the criteria pages needs every count, and each count reads the claims of the criterion and its groups: at
/// 10,000 pages that was most of an edit's time before the reload. The catalogs are the same for the life of one
/// <see cref="IncrementalStages"/> (a catalog edit starts anew), so the criteria are the same objects.
/// </summary>
internal sealed class CriterionPageCounts
{
    private ulong _claims;
    private ConcurrentDictionary<Criterion, int>? _counts;

    /// <summary>The counts for the claims whose signature is <paramref name="claimsSignature"/>: the last ones when it is unchanged, else new and empty.</summary>
    public ConcurrentDictionary<Criterion, int> For(ulong claimsSignature)
    {
        if (_counts is null || _claims != claimsSignature)
        {
            _counts = new ConcurrentDictionary<Criterion, int>();
            _claims = claimsSignature;
        }
        return _counts;
    }
}
