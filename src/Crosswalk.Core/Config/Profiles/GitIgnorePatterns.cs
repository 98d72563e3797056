namespace Crosswalk.Config.Profiles;

/// <summary>gitignore-style lines (MkDocs' <c>exclude_docs</c>, Jekyll's <c>exclude</c>) as Crosswalk's globs over source paths.</summary>
internal static class GitIgnorePatterns
{
    /// <summary>
    /// Each pattern as globs: a pattern without <c>/</c> matches at any depth, one ending in <c>/</c> is a folder and
    /// everything under it, a leading <c>/</c> anchors it. Negations (<c>!</c>) and comments are left out.
    /// </summary>
    public static IEnumerable<string> ToGlobs(string lines) => ToGlobs(lines.Split('\n'));

    /// <inheritdoc cref="ToGlobs(string)"/>
    public static IEnumerable<string> ToGlobs(IEnumerable<string> patterns)
    {
        foreach (var raw in patterns)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('!'))
            {
                continue;
            }
            var anchored = line.StartsWith('/') || line.TrimEnd('/').Contains('/');
            var body = line.Trim('/');
            if (body.Length == 0)
            {
                continue;
            }
            var prefix = anchored ? "" : "**/";
            yield return prefix + body;
            yield return prefix + body + "/**";
        }
    }
}
