namespace Crosswalk.Output;

/// <summary>Where stage <c>Write</c> puts files: a folder swapped in atomically, or memory (serve).</summary>
public interface IOutputSink
{
    /// <summary>Writes one file; <paramref name="relativePath"/> uses <c>/</c> and stays inside the output.</summary>
    void Write(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>
    /// Copies the file at <paramref name="sourcePath"/> to <paramref name="relativePath"/>; throws
    /// <see cref="UnreadableSourceException"/> when the source cannot be read (a failure to write is not that).
    /// </summary>
    void Copy(string sourcePath, string relativePath) => Write(relativePath, UnreadableSourceException.Guard(() => File.ReadAllBytes(sourcePath)));
}

/// <summary>A source file could not be read while it was being copied to the output.</summary>
public sealed class UnreadableSourceException(string message, Exception inner) : IOException(message, inner)
{
    /// <summary>Runs <paramref name="read"/>, turning its I/O and permission failures into this exception.</summary>
    public static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableSourceException(ex.Message, ex);
        }
    }
}

/// <summary>
/// Writes nothing: what <c>check</c> (and a build that already failed) renders to, so that it reaches the verdict a
/// build reaches without the cost of the files. A copied file is opened, so an unreadable one is reported as a build
/// would report it.
/// </summary>
public sealed class NullOutput : IOutputSink
{
    /// <inheritdoc />
    public void Write(string relativePath, ReadOnlySpan<byte> content) => OutputPaths.Check(relativePath);

    /// <inheritdoc />
    public void Copy(string sourcePath, string relativePath)
    {
        OutputPaths.Check(relativePath);
        UnreadableSourceException.Guard(() =>
        {
            // Opening is what fails in practice (permissions, a vanished file); reading the length keeps the cost low.
            using var stream = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return stream.Length;
        });
    }
}

/// <summary>Keeps the site in memory, keyed by relative path. Thread-safe.</summary>
public sealed class MemoryOutput : IOutputSink
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The files written so far.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <inheritdoc />
    public void Write(string relativePath, ReadOnlySpan<byte> content) => _files[OutputPaths.Check(relativePath)] = content.ToArray();

    /// <summary>Forgets the files at <paramref name="paths"/>.</summary>
    public void Remove(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _files.TryRemove(path, out _);
        }
    }

    /// <summary>Forgets every file not in <paramref name="keep"/> (pages deleted or renamed since the last build).</summary>
    public void RemoveExcept(IReadOnlySet<string> keep)
    {
        // Enumerating a concurrent dictionary takes no snapshot and allows removal: an edit's sweep costs a lookup per file.
        foreach (var (path, _) in _files)
        {
            if (!keep.Contains(path))
            {
                _files.TryRemove(path, out _);
            }
        }
    }
}

/// <summary>The one check every output path passes: relative, no <c>..</c>, no backslash, no drive.</summary>
public static class OutputPaths
{
    /// <summary>Returns <paramref name="relativePath"/> or throws when it could leave the output folder (a bug, never content).</summary>
    public static string Check(string relativePath)
    {
        // ':' names a drive or a stream only on Windows; elsewhere it is an ordinary character of a file name.
        if (relativePath.Length == 0 || relativePath.StartsWith('/') || relativePath.Contains('\\') || (OperatingSystem.IsWindows() && relativePath.Contains(':'))
            || relativePath.Contains('\0') || relativePath.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new InvalidOperationException($"refusing to write outside the output folder: '{relativePath}'");
        }
        return relativePath;
    }
}
