using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crosswalk.History;

/// <summary>How far the revision history could be read.</summary>
public enum HistoryStatus
{
    /// <summary>The whole history was read.</summary>
    Ok,
    /// <summary>The folder is not inside a git work tree: there is no history.</summary>
    NotARepository,
    /// <summary>No <c>git</c> executable was found on the PATH.</summary>
    GitMissing,
    /// <summary>Read as for <see cref="Ok"/>, but the clone is shallow, so the history stops at its depth.</summary>
    Shallow,
    /// <summary>git ran but failed (see the message).</summary>
    Failed,
}

/// <summary>The revision history of the files under a folder.</summary>
/// <param name="Status">Whether the history could be read, and whether it is complete.</param>
/// <param name="Message">A one-line explanation for any status but <see cref="HistoryStatus.Ok"/>; null for Ok.</param>
/// <param name="ByFile">
/// Revisions newest first, keyed by the absolute path of each file (<see cref="Path.GetFullPath(string)"/> form under
/// the folder as given). Files git does not track have no entry.
/// </param>
public sealed record GitHistoryResult(HistoryStatus Status, string? Message, IReadOnlyDictionary<string, IReadOnlyList<Revision>> ByFile);

/// <summary>Reads the revision history of every file under a folder from one <c>git log</c> process.</summary>
public static class GitHistory
{
    // Commits start with a record separator; their fields are split by NUL, the only byte an author name or
    // subject cannot hold (a name or subject may contain the unit and record separators themselves).
    private const char RecordStart = '\x1e';
    private const string Format = "%x1e%H%x00%h%x00%aI%x00%aN%x00%s";

    /// <summary>
    /// Reads the history of every tracked file under <paramref name="folder"/> (the repository root or any folder in
    /// it). Renames are followed: a file's revisions include those made under its earlier names. Never throws for a
    /// missing git, a folder outside a repository or a failing git; see <see cref="GitHistoryResult.Status"/>.
    /// </summary>
    /// <param name="folder">An absolute folder path.</param>
    /// <param name="ct">Kills the running git process and throws <see cref="OperationCanceledException"/>.</param>
    public static GitHistoryResult Read(string folder, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            return Empty(HistoryStatus.Failed, $"folder not found: {root}: pages get no revision history");
        }
        try
        {
            // One rev-parse answers three questions: --show-toplevel fails outside a work tree (also in a bare
            // repository or inside .git), --is-shallow-repository prints true/false, and --verify -q HEAD exits 1,
            // quietly, while the branch has no commit yet.
            var probe = "";
            var (code, error) = Run(root, ["rev-parse", "--is-shallow-repository", "--show-toplevel", "--verify", "-q", "HEAD"],
                reader => probe = reader.ReadToEnd(), ct);
            var shallow = probe.StartsWith("true", StringComparison.Ordinal);
            if (code == 1 && probe.Length > 0)
            {
                return Empty(HistoryStatus.Ok, null);
            }
            if (code != 0)
            {
                return error.Contains("not a git repository", StringComparison.Ordinal)
                    ? Empty(HistoryStatus.NotARepository, "not in a git repository: pages get no revision history")
                    : Empty(HistoryStatus.Failed, $"git rev-parse failed: {FirstLine(error)}: pages get no revision history");
            }

            // Paths come relative to the folder (--relative, run in it), so keys are built on the folder as given,
            // not on the top level git reports with symbolic links resolved. --date-order never shows a parent
            // before its children, which the rename walk needs. Merge commits show no diff (git log's default):
            // their branches' own commits carry the changes; only a merge's conflict resolution goes unlisted.
            // --root, --no-show-signature and -M override log.showRoot, log.showSignature and diff.renames.
            var byPath = new Dictionary<string, List<Revision>>(StringComparer.Ordinal);
            (code, error) = Run(root,
                ["-c", "core.quotePath=false", "-c", "i18n.logOutputEncoding=UTF-8", "log", "-z", "--date-order", "--root", "--no-show-signature",
                 $"--format={Format}", "--name-status", "-M", "--relative", "--", "."],
                reader => Parse(reader, byPath), ct);
            if (code != 0)
            {
                return Empty(HistoryStatus.Failed, $"git log failed: {FirstLine(error)}: pages get no revision history");
            }
            var byFile = new Dictionary<string, IReadOnlyList<Revision>>(byPath.Count, StringComparer.Ordinal);
            foreach (var (path, revisions) in byPath)
            {
                byFile[Path.GetFullPath(Path.Combine(root, path))] = revisions;
            }
            return shallow
                ? new(HistoryStatus.Shallow, "shallow clone: revision history stops at the clone's depth (fetch with --unshallow or fetch-depth: 0 for the whole history)", byFile)
                : new(HistoryStatus.Ok, null, byFile);
        }
        catch (Win32Exception) // Process.Start found no git (the folder was checked above)
        {
            return Empty(HistoryStatus.GitMissing, "git not found: pages get no revision history");
        }
    }

    /// <summary>
    /// Parses <c>git log -z --name-status</c> output. Each commit is its format's fields, each ended by NUL; when
    /// it changed files, a newline and then status, path (two paths for a rename or copy), each ended by NUL. Walking
    /// newest to oldest, <c>alias</c> maps a path as it was at this point in history to the file it became (null:
    /// a file that no longer exists, or an older file that had the same name).
    /// </summary>
    private static void Parse(TextReader reader, Dictionary<string, List<Revision>> byPath)
    {
        var alias = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var fields = Fields(reader).GetEnumerator();
        string? Next() => fields.MoveNext() ? fields.Current : null;

        Revision? commit = null;
        string? Attribute(string path)
        {
            if (!alias.TryGetValue(path, out var current))
            {
                alias[path] = current = path; // first seen, newest first: its latest name
            }
            if (current != null && commit != null)
            {
                var list = byPath.TryGetValue(current, out var known) ? known : byPath[current] = [];
                if (list.Count == 0 || !ReferenceEquals(list[^1], commit))
                {
                    list.Add(commit);
                }
            }
            return current;
        }

        for (var field = Next(); field != null; field = Next())
        {
            if (field.Length > 0 && field[0] == RecordStart)
            {
                if (Next() is not { } shortId || Next() is not { } date || Next() is not { } author || Next() is not { } subject)
                {
                    return; // cut short: git failed or was killed, which the caller reports
                }
                commit = new Revision(field[1..], shortId,
                    DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) ? when : default,
                    author, subject);
                continue;
            }
            // A commit's first status follows the newline that ends its header.
            var status = field.TrimStart('\n');
            if (Next() is not { } path)
            {
                return;
            }
            switch (status.Length > 0 ? status[0] : ' ')
            {
                case 'R' or 'C':
                    if (Next() is not { } target)
                    {
                        return;
                    }
                    var current = Attribute(target);
                    alias[target] = null; // the new name did not exist before this commit
                    if (status[0] == 'R')
                    {
                        alias[path] = current; // older commits under the old name belong to the new name's file
                    }
                    break;
                case 'A':
                    Attribute(path);
                    alias[path] = null; // anything older under this name was another file
                    break;
                case 'D':
                    alias.TryAdd(path, null); // deleted and not added back since: not a current file
                    break;
                default:
                    Attribute(path);
                    break;
            }
        }
    }

    /// <summary>Splits the output at NUL bytes, streaming, so a long history is never held as one string.</summary>
    private static IEnumerable<string> Fields(TextReader reader)
    {
        var buffer = new char[64 * 1024];
        var field = new StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (int end; (end = Array.IndexOf(buffer, '\0', start, read - start)) >= 0; start = end + 1)
            {
                field.Append(buffer, start, end - start);
                yield return field.ToString();
                field.Clear();
            }
            field.Append(buffer, start, read - start);
        }
        if (field.Length > 0)
        {
            yield return field.ToString();
        }
    }

    /// <summary>Runs git in <paramref name="folder"/>; <paramref name="read"/> must read standard output to its end.</summary>
    private static (int ExitCode, string Error) Run(string folder, string[] arguments, Action<TextReader> read, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0"; // fail rather than ask for credentials
        start.Environment["LC_ALL"] = "C"; // English messages, which the status checks read

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        // Killing git closes its pipes, so both reads end and WaitForExit returns: nothing waits forever.
        using var cancel = ct.Register(() => Kill(process));
        // Standard error is read alongside, so git never blocks on a full pipe that nobody drains.
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            read(process.StandardOutput);
        }
        catch
        {
            Kill(process);
            throw;
        }
        process.WaitForExit();
        ct.ThrowIfCancellationRequested();
        return (process.ExitCode, error.GetAwaiter().GetResult());
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception) // already gone
        {
        }
    }

    private static string FirstLine(string text) =>
        text.Trim().Split('\n')[0].Trim() is { Length: > 0 } line ? line : "no message";

    private static GitHistoryResult Empty(HistoryStatus status, string? message) =>
        new(status, message, new Dictionary<string, IReadOnlyList<Revision>>());
}
