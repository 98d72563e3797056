using System.Text;
using System.Text.RegularExpressions;

namespace Crosswalk.Criteria;

/// <summary>Glob patterns over source paths: <c>**</c> any folders, <c>*</c> any name part, <c>?</c> one character.</summary>
public static class Glob
{
    /// <summary>True when <paramref name="path"/> (relative, with <c>/</c>) matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string path) => ToRegex(pattern).IsMatch(path);

    /// <summary>Compiles a pattern.</summary>
    public static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" matches everything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }
        sb.Append('$');
        // Globs now come from trees under test (.mintignore, exclude_docs): a backtracking match of '*a*a*a…b' could run
        // for ever, and a timeout would make the verdict depend on the machine's load. NonBacktracking is linear.
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
