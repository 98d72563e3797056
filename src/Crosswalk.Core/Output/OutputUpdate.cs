using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Text;

namespace Crosswalk.Output;

/// <summary>
/// A rebuild into an existing output folder, written as a difference: a file whose bytes are already in place is
/// left alone, a changed or new one is staged in the build's temporary folder, and a file the build no longer makes
/// is removed. <see cref="Commit"/> writes the removals into the staging folder and renames it to its fixed name
/// <c>._site.crosswalk-update</c>: that one rename is the commit point. <see cref="RollForward"/> then renames each
/// staged file over its target and removes what went away; a build killed before the commit point leaves the old
/// site untouched, one killed after it leaves an update that the next build finishes before it does anything else.
/// </summary>
internal sealed class OutputUpdate
{
    /// <summary>The list of files to remove, inside the update folder: UTF-8 relative paths, each ended by NUL.</summary>
    private const string RemovalsFile = ".crosswalk-removals";

    private readonly string _output;
    private readonly string _staging;
    // What the output folder held when the build started, by relative path: true for a regular file (the only
    // kind whose bytes are compared: a symbolic link is never followed), false for anything else.
    private readonly Dictionary<string, bool> _existing;
    // Written by every render thread for every file: sized for the site up front, as a concurrent dictionary takes all
    // its locks to grow, and with more locks than threads.
    private readonly ConcurrentDictionary<string, byte> _produced;
    private readonly ConcurrentDictionary<string, byte> _changed;

    private OutputUpdate(string output, string staging, Dictionary<string, bool> existing)
    {
        _output = output;
        _staging = staging;
        _existing = existing;
        var locks = 8 * Environment.ProcessorCount;
        _produced = new(locks, existing.Count + 64, StringComparer.Ordinal);
        _changed = new(locks, 64, StringComparer.Ordinal);
        _produced[SiteWriter.MarkerFile] = 0;
    }

    /// <summary>Files written, left as they were, and removed by the last <see cref="Commit"/>.</summary>
    public WriteCounts Counts { get; private set; } = new(0, 0, 0);

    /// <summary>Reads what <paramref name="output"/> (an existing folder of ours) holds; changes go to <paramref name="staging"/>.</summary>
    public static OutputUpdate Of(string output, string staging) => new(output, staging, Walk(output));

    /// <summary>
    /// Records that the build makes <paramref name="relativePath"/> and returns true when the file in place already
    /// holds exactly <paramref name="content"/>, so nothing needs writing.
    /// </summary>
    public bool Unchanged(string relativePath, ReadOnlySpan<byte> content)
    {
        _produced[relativePath] = 0;
        if (!_existing.GetValueOrDefault(relativePath))
        {
            return Staged(relativePath);
        }
        try
        {
            using var handle = File.OpenHandle(Path.Combine(_output, relativePath), FileMode.Open, FileAccess.Read, FileShare.Read);
            if (RandomAccess.GetLength(handle) != content.Length)
            {
                return Staged(relativePath);
            }
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(content.Length, 1 << 20) + 1);
            try
            {
                for (var offset = 0; offset < content.Length;)
                {
                    var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, content.Length - offset)), offset);
                    if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(content.Slice(offset, read)))
                    {
                        return Staged(relativePath);
                    }
                    offset += read;
                }
                return Kept(relativePath);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable in place: write it again.
            return Staged(relativePath);
        }
    }

    /// <summary>As <see cref="Unchanged(string, ReadOnlySpan{byte})"/> for a copied file, compared stream to stream.</summary>
    public bool Unchanged(string relativePath, string sourcePath)
    {
        _produced[relativePath] = 0;
        if (!_existing.GetValueOrDefault(relativePath))
        {
            return Staged(relativePath);
        }
        try
        {
            using var source = UnreadableSourceException.Guard(() => new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
            using var target = new FileStream(Path.Combine(_output, relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (source.Length != target.Length)
            {
                return Staged(relativePath);
            }
            var a = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            var b = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                int read;
                while ((read = UnreadableSourceException.Guard(() => source.Read(a, 0, 1 << 16))) > 0)
                {
                    target.ReadExactly(b, 0, read);
                    if (!a.AsSpan(0, read).SequenceEqual(b.AsSpan(0, read)))
                    {
                        return Staged(relativePath);
                    }
                }
                return Kept(relativePath);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(a);
                System.Buffers.ArrayPool<byte>.Shared.Return(b);
            }
        }
        catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not UnreadableSourceException)
        {
            return Staged(relativePath);
        }
    }

    private bool Staged(string relativePath)
    {
        _changed[relativePath] = 0;
        return false;
    }

    // A path written twice keeps its last bytes: a copy staged by the first write must not be committed.
    private bool Kept(string relativePath)
    {
        if (_changed.TryRemove(relativePath, out _))
        {
            File.Delete(Path.Combine(_staging, relativePath));
        }
        return true;
    }

    /// <summary>
    /// Commits the staged files: nothing at all when nothing changed; otherwise the removals
    /// are written beside them, the folder is renamed to the update's fixed name and rolled forward.
    /// </summary>
    public void Commit()
    {
        var staging = _staging;
        // On a file system that ignores case (macOS, Windows), a page renamed from A.html to a.html is one file: it is
        // replaced, never removed after.
        var produced = CaseInsensitive(_output) ? new HashSet<string>(_produced.Keys, StringComparer.OrdinalIgnoreCase) : null;
        var removals = _existing.Keys.Where(path => !_produced.ContainsKey(path) && produced?.Contains(path) != true).Order(StringComparer.Ordinal).ToList();
        Counts = new WriteCounts(_changed.Count, _produced.Count - 1 - _changed.Count, removals.Count);
        if (_changed.IsEmpty && removals.Count == 0)
        {
            StagingFolders.Delete(staging);
            return;
        }
        var list = new StringBuilder();
        foreach (var path in removals)
        {
            list.Append(path).Append('\0');
        }
        File.WriteAllText(Path.Combine(staging, RemovalsFile), list.ToString(), new UTF8Encoding(false));
        CommitSteps.Reached(1);
        Directory.Move(staging, StagingFolders.Update(_output));
        CommitSteps.Reached(2);
        RollForward(_output);
    }

    /// <summary>
    /// Finishes a committed update of <paramref name="output"/>, if there is one: every staged file renamed over its
    /// target, every removal deleted (with folders left empty), then the update folder deleted. Each step can be run
    /// again after a crash. Returns true when there was an update to finish.
    /// </summary>
    public static bool RollForward(string output)
    {
        var update = StagingFolders.Update(output);
        var removalsFile = Path.Combine(update, RemovalsFile);
        if (!StagingFolders.HasMarker(update) || !File.Exists(removalsFile))
        {
            // Never committed, or its moves and removals were done and its deletion was cut short.
            if (Directory.Exists(update))
            {
                StagingFolders.Delete(update);
            }
            return false;
        }
        Directory.CreateDirectory(output);
        var marker = Path.Combine(output, SiteWriter.MarkerFile);
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "");
        }
        var first = true;
        // Listed first: the loop moves the entries out of the folder it lists.
        foreach (var (relative, _) in Entries(update).ToList())
        {
            if (relative is SiteWriter.MarkerFile or RemovalsFile)
            {
                continue;
            }
            var target = Path.Combine(output, relative);
            MakeRoom(output, relative);
            File.Move(Path.Combine(update, relative), target, overwrite: true);
            if (first)
            {
                first = false;
                CommitSteps.Reached(3);
            }
        }
        CommitSteps.Reached(4);
        foreach (var relative in File.ReadAllText(removalsFile, Encoding.UTF8).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            Remove(output, relative);
        }
        StagingFolders.Delete(update, () => CommitSteps.Reached(5));
        return true;
    }

    private static bool CaseInsensitive(string output) =>
        File.Exists(Path.Combine(output, SiteWriter.MarkerFile.ToUpperInvariant()));

    // Clears the way for a file at relativePath: a folder where the file goes, and any file or link where one of its
    // folders goes (a link is never followed, so nothing is written outside the output), are deleted: the new site has
    // neither, so they are among its removals.
    private static void MakeRoom(string output, string relativePath)
    {
        var parts = relativePath.Split('/');
        var path = output;
        for (var i = 0; i < parts.Length; i++)
        {
            path = Path.Combine(path, parts[i]);
            var info = new DirectoryInfo(path);
            var last = i == parts.Length - 1;
            if (info.LinkTarget is not null)
            {
                if (!last)
                {
                    info.Delete();
                }
            }
            else if (info.Exists)
            {
                if (last)
                {
                    info.Delete(recursive: true);
                }
            }
            else if (!last && File.Exists(path))
            {
                File.Delete(path);
            }
            if (!last && !Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
            }
        }
    }

    // Deletes a file (or link) that went away, then the folders it leaves empty, up to the output folder.
    private static void Remove(string output, string relativePath)
    {
        var path = Path.Combine(output, relativePath);
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists)
        {
            info.Delete();
        }
        for (var folder = Path.GetDirectoryName(path)!; folder.Length > output.Length; folder = Path.GetDirectoryName(folder)!)
        {
            var dir = new DirectoryInfo(folder);
            if (!dir.Exists || dir.LinkTarget is not null || dir.EnumerateFileSystemInfos().Any())
            {
                break;
            }
            dir.Delete();
        }
    }

    // Every entry under root that is not a folder (a linked folder is one), by relative path with '/', and whether it
    // is a regular file; linked folders are not entered.
    private static FileSystemEnumerable<(string Path, bool Regular)> Entries(string root) =>
        new(root, (ref entry) => (Relative(root, entry.ToFullPath()), !entry.IsDirectory && !IsLink(ref entry)), Options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory || IsLink(ref entry),
            ShouldRecursePredicate = (ref entry) => !IsLink(ref entry),
        };

    private static Dictionary<string, bool> Walk(string output) =>
        Entries(output).ToDictionary(e => e.Path, e => e.Regular, StringComparer.Ordinal);

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static string Relative(string root, string full) => full[(root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');

    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };
}

/// <summary>What a build did to its output folder: files written, files already holding the right bytes, files removed.</summary>
public sealed record WriteCounts(int Written, int Unchanged, int Removed);
