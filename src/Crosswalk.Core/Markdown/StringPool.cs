using System.Collections.Concurrent;

namespace Crosswalk.Markdown;

/// <summary>
/// One instance of each equal string, for text a build keeps from page to page through the render: link URLs and link
/// texts repeat across pages (every page that links a policy writes its path and title again). Shared by the parse's
/// threads.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pool's instance of <paramref name="value"/>, which becomes it if the pool has none.</summary>
    public string Intern(string value) => value.Length == 0 ? "" : _strings.GetOrAdd(value, value);
}
