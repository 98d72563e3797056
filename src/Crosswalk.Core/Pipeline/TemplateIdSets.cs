using System.Collections.Concurrent;

namespace Crosswalk.Pipeline;

/// <summary>
/// The ids each page's template added, by URL. Most pages get the same few, so equal sets are stored once: holding a
/// full id set per page cost more memory than anything else kept after rendering.
/// </summary>
public sealed class TemplateIdSets
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _byUrl = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _interned = new(StringComparer.Ordinal);

    /// <summary>Records the ids of a page rendered before, already shared by <see cref="Set"/>.</summary>
    public void Keep(string url, IReadOnlySet<string> shared) => _byUrl[url] = shared;

    /// <summary>Records a page's ids, sharing the set with every page that has the same ids.</summary>
    public IReadOnlySet<string> Set(string url, IReadOnlySet<string> ids)
    {
        var key = string.Join('\n', ids.Order(StringComparer.Ordinal));
        var shared = _interned.GetOrAdd(key, _ => ids);
        _byUrl[url] = shared;
        return shared;
    }

    /// <summary>The ids of the page at <paramref name="url"/>, if it was rendered with its ids recorded.</summary>
    public IReadOnlySet<string>? Get(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>Forgets a page's ids (its render failed: no earlier ids may stand for it).</summary>
    public void Remove(string url) => _byUrl.TryRemove(url, out _);
}
