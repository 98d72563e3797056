using System.Security.Cryptography;

namespace Crosswalk.Tests.Hardening;

/// <summary>A scratch folder for one hostile test: the site lives in <c>site/</c>, outputs go to <c>out/</c>.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Root = Path.Combine(Path.GetTempPath(), "crosswalk-hardening", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(SiteRoot);
        Directory.CreateDirectory(Path.Combine(Root, "out"));
    }

    public string Root { get; }

    public string SiteRoot => Path.Combine(Root, "site");

    public string ConfigPath => Path.Combine(SiteRoot, "site.yml");

    public string Output => Path.Combine(Root, "out", "_site");

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="relative"/> under the site folder, making its folders.</summary>
    public void Write(string relative, string text)
    {
        var full = Path.Combine(SiteRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Every regular file under <paramref name="folder"/> (links and unreadable folders skipped) with a hash of its bytes.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder, string? except = null)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return result;
        }
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFileSystemEntries(folder, "*", options))
        {
            if (except is not null && (file == except || file.StartsWith(except + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                continue;
            }
            var key = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (Directory.Exists(file))
            {
                result[key + "/"] = "dir";
                continue;
            }
            if (Crosswalk.Content.FileKinds.Special(file) is { } special)
            {
                result[key] = special; // a FIFO is never opened: reading it would wait for a writer
                continue;
            }
            try
            {
                result[key] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
            catch (UnauthorizedAccessException)
            {
                result[key] = "unreadable";
            }
            catch (IOException)
            {
                // Gone while listing, or open for writing: a sibling scratch folder of a test running in parallel. A file
                // of this test's own that went missing still shows: the caller compares its own entries before and after.
            }
        }
        return result;
    }

    public void Dispose()
    {
        // Give back whatever a test locked (chmod 000) so the folder can be removed.
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
            {
                TryUnlock(entry);
            }
            foreach (var locked in new[] { "site/content/lockeddir", "site/content/locked.md" })
            {
                TryUnlock(Path.Combine(Root, locked));
            }
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryUnlock(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        try
        {
            if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else if (File.Exists(path) && new FileInfo(path).LinkTarget is null)
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
