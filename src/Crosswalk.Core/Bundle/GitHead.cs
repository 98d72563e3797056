using System.Text;

namespace Crosswalk.Bundle;

/// <summary>
/// The commit a folder's checkout is at, read from the repository's files (HEAD, the ref it names, packed-refs) without
/// starting git: the bundle starts no process. Worktrees (<c>.git</c> as a <c>gitdir:</c> file) are followed.
/// Every file read is bounded; anything unexpected gives null ("not in git") rather than a guess.
/// </summary>
public static class GitHead
{
    private const int MaxSmallFile = 4096;
    private const long MaxPackedRefs = 64L << 20;

    /// <summary>The full commit id of the checkout holding <paramref name="folder"/>, or null when there is none.</summary>
    public static string? Commit(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return Resolve(dotGit, dotGit);
            }
            if (File.Exists(dotGit))
            {
                // A worktree or submodule: "gitdir: <path>", whose commondir names the shared repository.
                if (ReadSmall(dotGit) is not { } link || !link.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    return null;
                }
                var gitDir = Path.GetFullPath(link["gitdir:".Length..].Trim(), dir.FullName);
                var common = ReadSmall(Path.Combine(gitDir, "commondir")) is { } c ? Path.GetFullPath(c.Trim(), gitDir) : gitDir;
                return Resolve(gitDir, common);
            }
        }
        return null;
    }

    private static string? Resolve(string gitDir, string commonDir)
    {
        var head = ReadSmall(Path.Combine(gitDir, "HEAD"))?.Trim();
        // A few levels of symbolic refs at most; git itself allows five.
        for (var depth = 0; head is not null && depth < 5; depth++)
        {
            if (IsCommitId(head))
            {
                return head.ToLowerInvariant();
            }
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return null;
            }
            var name = head[5..].Trim();
            if (!IsRefName(name))
            {
                return null;
            }
            head = (ReadSmall(Path.Combine(gitDir, name)) ?? ReadSmall(Path.Combine(commonDir, name)))?.Trim() ?? Packed(commonDir, name);
        }
        return null;
    }

    /// <summary>The id packed-refs gives <paramref name="name"/>: lines of "&lt;id&gt; &lt;name&gt;", peeled tags as "^&lt;id&gt;".</summary>
    private static string? Packed(string commonDir, string name)
    {
        var path = Path.Combine(commonDir, "packed-refs");
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > MaxPackedRefs)
            {
                return null;
            }
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && !line.StartsWith('#') && !line.StartsWith('^') && line.AsSpan(space + 1).SequenceEqual(name))
                {
                    return line[..space];
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return null;
    }

    /// <summary>A ref under refs/ without a step out of the repository.</summary>
    private static bool IsRefName(string name) =>
        name.StartsWith("refs/", StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal) && !name.Contains('\\')
        && !name.Any(char.IsControl) && name.Length < 1024;

    /// <summary>SHA-1 (40) or SHA-256 (64) hexadecimal digits.</summary>
    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);

    private static string? ReadSmall(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            var buffer = new byte[MaxSmallFile];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return read < MaxSmallFile ? Encoding.UTF8.GetString(buffer, 0, read) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
