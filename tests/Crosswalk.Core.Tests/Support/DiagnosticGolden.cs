using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Support;

/// <summary>
/// Golden files of diagnostics (<c>expected.txt</c>): one diagnostic a line, as <see cref="Diagnostic.ToString"/> writes it
/// (<c>file(line,col): severity CODE: message</c>), or <c>file(line): severity CODE: message</c> where a case does not pin
/// the column; <c>#</c> starts a comment. Lines must not depend on the machine: the site's folder in a message is written
/// <see cref="SitePlaceholder"/>, and control characters as <c>\uXXXX</c> (a message may quote a NUL from the input).
/// With <c>CROSSWALK_ACCEPT=1</c> a test rewrites its golden from what it got, keeping the comments; review the diff.
/// </summary>
internal static partial class DiagnosticGolden
{
    public const string SitePlaceholder = "{site}";

    public static bool Accepting => Environment.GetEnvironmentVariable("CROSSWALK_ACCEPT") == "1";

    /// <summary>The expectation lines of a golden file: without comments and blank lines.</summary>
    public static List<string> Read(string path) =>
        [.. File.ReadAllLines(path, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>The golden line of <paramref name="d"/>; <paramref name="siteRoot"/> (absolute) is replaced in its message.</summary>
    public static string Line(Diagnostic d, string? siteRoot, bool withColumn = true)
    {
        var message = d.Message;
        if (siteRoot is not null)
        {
            message = message.Replace(siteRoot, SitePlaceholder, StringComparison.Ordinal);
        }
        var shown = d with { Message = Escape(message) };
        if (withColumn || shown.Location is not { } l)
        {
            return shown.ToString().Trim();
        }
        return $"{l.File}({l.Line}): {shown.SeverityName} {shown.Code}: {shown.Message}".Trim();
    }

    /// <summary>The files whose expectations give no column: their diagnostics are compared without one.</summary>
    public static HashSet<string> FilesWithoutColumn(IEnumerable<string> expected) =>
        [.. expected.Select(e => Key().Match(e)).Where(m => m.Success && m.Groups["file"].Success && !m.Groups["column"].Success).Select(m => m.Groups["file"].Value)];

    /// <summary>
    /// Rewrites the golden at <paramref name="repositoryPath"/> (relative to the repository) and its copy at
    /// <paramref name="copyPath"/> from <paramref name="actual"/>: each expectation is replaced by the diagnostic at the same
    /// place with the same code (keeping its column style and the comments around it), expectations met by nothing are
    /// dropped, and diagnostics nothing expected are added at the end.
    /// </summary>
    public static void Accept(string repositoryPath, string copyPath, IReadOnlyList<Diagnostic> actual, string? siteRoot)
    {
        var source = Repository.PathOf(repositoryPath);
        var unused = DiagnosticBag.Sort(actual).ToList();
        var lines = new List<string>();
        foreach (var line in File.Exists(source) ? File.ReadAllLines(source, Encoding.UTF8) : [])
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                lines.Add(line);
                continue;
            }
            var key = Key().Match(trimmed);
            var found = key.Success ? unused.FirstOrDefault(d => Matches(key, d)) : null;
            if (found is not null)
            {
                unused.Remove(found);
                lines.Add(Line(found, siteRoot, withColumn: !key.Groups["file"].Success || key.Groups["column"].Success));
            }
        }
        lines.AddRange(unused.Select(d => Line(d, siteRoot)));
        var text = string.Concat(lines.Select(l => l + "\n"));
        File.WriteAllText(source, text, new UTF8Encoding(false));
        File.WriteAllText(copyPath, text, new UTF8Encoding(false));
    }

    private static bool Matches(Match key, Diagnostic d)
    {
        if (d.Code != key.Groups["code"].Value)
        {
            return false;
        }
        if (!key.Groups["file"].Success)
        {
            return d.Location is null;
        }
        return d.Location is { } l
            && l.File == key.Groups["file"].Value
            && l.Line == int.Parse(key.Groups["line"].Value, CultureInfo.InvariantCulture)
            && (!key.Groups["column"].Success || l.Column == int.Parse(key.Groups["column"].Value, CultureInfo.InvariantCulture));
    }

    private static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c);
        }
        return sb.ToString();
    }

    // The place and code of an expectation, in the full form or the older 'file(line,col): CODE'.
    [GeneratedRegex(@"^(?:(?<file>.+?)\((?<line>\d+)(?:,(?<column>\d+))?\): )?(?:(?:error|warning|info) )?(?<code>CW\d{4})(?::|$)")]
    private static partial Regex Key();
}
