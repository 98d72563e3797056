using Crosswalk.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace Crosswalk.Output;

/// <summary>
/// Stage <c>Write</c> for <c>build</c>: files go to a temporary sibling of the output folder and reach it only through
/// <see cref="Commit"/>. A first build renames the whole new site into place; a rebuild stages only the files whose
/// bytes changed and commits them with the removals as one update (<see cref="OutputUpdate"/>), so a rebuild that
/// changes nothing writes nothing. One build at a time writes to a folder (<see cref="OutputLock"/>); a failed build
/// leaves the last good site in place, and one killed at any instant leaves the old site or an update the next build
/// finishes (<see cref="StagingFolders"/>). Only a folder carrying Crosswalk's marker file is ever changed or deleted.
/// </summary>
public sealed class SiteWriter : IOutputSink, IDisposable
{
    /// <summary>The marker file that identifies a folder written by Crosswalk.</summary>
    public const string MarkerFile = ".crosswalk-output";

    private readonly string _output;
    private readonly string _temp;
    private readonly OutputLock? _ownLock;
    // Null for a first build (no output folder yet): everything is written and renamed in at once.
    private readonly OutputUpdate? _update;
    private bool _done;

    private SiteWriter(string output, string temp, OutputLock? ownLock, OutputUpdate? update)
    {
        _output = output;
        _temp = temp;
        _ownLock = ownLock;
        _update = update;
    }

    /// <summary>What the last <see cref="Commit"/> did; null before it, and for a first build (everything written).</summary>
    public WriteCounts? Counts => _update?.Counts;

    /// <summary>
    /// Takes the output folder's lock and recovers from a build killed while it held it (the last good site put back,
    /// leftovers of dead builds removed). Returns null after reporting CW5001 when another build holds the lock or the
    /// folder's parent cannot be used.
    /// </summary>
    public static OutputLock? Lock(string output, DiagnosticBag diagnostics)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        OutputLock? held = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            held = OutputLock.TryTake(output, out var busy);
            if (held is null)
            {
                diagnostics.Report(DiagnosticDescriptors.OutputError, busy!, null, "wait for the other build, or build into another folder");
                return null;
            }
            StagingFolders.Recover(output);
            return held;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            held?.Dispose();
            diagnostics.Report(DiagnosticDescriptors.OutputError, $"cannot prepare the output folder: {ex.Message}", null);
            return null;
        }
    }

    /// <summary>
    /// Checks that <paramref name="output"/> may be written (not the site, source or templates, nor inside a folder it would
    /// swallow; a non-empty existing folder must carry the marker) and opens a temporary sibling. Without
    /// <paramref name="held"/>, the writer takes the lock itself and keeps it until disposed. Returns null after
    /// reporting CW5001 when it may not.
    /// </summary>
    public static SiteWriter? Open(string output, IReadOnlyList<string> protectedFolders, DiagnosticBag diagnostics, OutputLock? held = null)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var problem = Validate(output, protectedFolders);
        if (problem is not null)
        {
            diagnostics.Report(DiagnosticDescriptors.OutputError, problem, null);
            return null;
        }
        var ownLock = held is null ? Lock(output, diagnostics) : null;
        if (held is null && ownLock is null)
        {
            return null;
        }
        try
        {
            var temp = StagingFolders.Temp(output, Environment.ProcessId);
            if (Directory.Exists(temp))
            {
                StagingFolders.Delete(temp);
            }
            Directory.CreateDirectory(temp);
            File.WriteAllText(Path.Combine(temp, MarkerFile), "");
            // A folder of ours is updated; an empty one (the only other kind Validate lets through) is replaced.
            return new SiteWriter(output, temp, ownLock, StagingFolders.HasMarker(output) ? OutputUpdate.Of(output, temp) : null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ownLock?.Dispose();
            diagnostics.Report(DiagnosticDescriptors.OutputError, $"cannot prepare the output folder: {ex.Message}", null);
            return null;
        }
    }

    /// <summary>Why <paramref name="output"/> may not be used, or null.</summary>
    public static string? Validate(string output, IReadOnlyList<string> protectedFolders)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        if (Path.GetPathRoot(output) == output + Path.DirectorySeparatorChar || Path.GetPathRoot(output) == output)
        {
            return $"refusing to use the file-system root '{output}' as the output folder";
        }
        foreach (var folder in protectedFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))))
        {
            if (Content.FolderPaths.IsSameOrInside(output, folder))
            {
                return $"refusing to use '{output}' as the output folder: it is or contains '{folder}', which the build reads";
            }
        }
        if (Directory.Exists(output) && !File.Exists(Path.Combine(output, MarkerFile)) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            return $"refusing to replace '{output}': it is not empty and was not written by Crosswalk (no {MarkerFile} file)";
        }
        if (File.Exists(output))
        {
            return $"refusing to use '{output}' as the output folder: it is a file";
        }
        return null;
    }

    /// <inheritdoc />
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        if (_update is not null && _update.Unchanged(OutputPaths.Check(relativePath), content))
        {
            return;
        }
        var full = Prepare(relativePath);
        // The folder is new, so a file is new: creating it exclusively spares truncating it (a system call per file).
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        }
        catch (IOException) when (File.Exists(full))
        {
            handle = File.OpenHandle(full, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None);
        }
        using (handle)
        {
            RandomAccess.Write(handle, content, 0);
        }
    }

    /// <inheritdoc />
    /// <remarks>Streams the file (a static file can be larger than an array can hold).</remarks>
    public void Copy(string sourcePath, string relativePath)
    {
        if (_update is not null && _update.Unchanged(OutputPaths.Check(relativePath), sourcePath))
        {
            return;
        }
        using var source = UnreadableSourceException.Guard(() => new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        var full = Prepare(relativePath);
        using var target = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int read;
            while ((read = UnreadableSourceException.Guard(() => source.Read(buffer, 0, buffer.Length))) > 0)
            {
                target.Write(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    // The full path of an output file, checked to stay inside the new folder, with its folder created.
    private string Prepare(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_temp, OutputPaths.Check(relativePath)));
        if (!Content.FolderPaths.IsSameOrInside(_temp, full))
        {
            throw new InvalidOperationException($"refusing to write outside the output folder: '{relativePath}'");
        }
        // Pages share folders: each is created once, not once per file (a key is present only once its folder exists).
        _folders.GetOrAdd(Path.GetDirectoryName(full)!, static f =>
        {
            Directory.CreateDirectory(f);
            return 0;
        });
        return full;
    }

    /// <summary>
    /// Puts the new site in place: a first build renames its folder in; a rebuild commits its changes as one update.
    /// Both markers are checked first: a folder replaced meanwhile by one Crosswalk did not write is left alone.
    /// Returns false after reporting CW5001 when nothing could be committed (the old site is then in place).
    /// </summary>
    public bool Commit(DiagnosticBag diagnostics)
    {
        try
        {
            if (!StagingFolders.HasMarker(_temp))
            {
                diagnostics.Report(DiagnosticDescriptors.OutputError, $"the new site in '{_temp}' lost its {MarkerFile} file while it was written; it is not used", null);
                return false;
            }
            if (Validate(_output, []) is { } problem)
            {
                diagnostics.Report(DiagnosticDescriptors.OutputError, problem, null);
                return false;
            }
            if (_update is null)
            {
                CommitSteps.Reached(1);
                if (Directory.Exists(_output))
                {
                    Directory.Delete(_output); // empty: Validate refuses anything else without the marker
                }
                Directory.Move(_temp, _output);
                _done = true;
                CommitSteps.Reached(2);
                return true;
            }
            if (!StagingFolders.HasMarker(_output))
            {
                diagnostics.Report(DiagnosticDescriptors.OutputError, $"'{_output}' lost its {MarkerFile} file during the build; it is left alone", null);
                return false;
            }
            _update.Commit();
            _done = true;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (_done)
            {
                return true;
            }
            if (Directory.Exists(StagingFolders.Update(_output)))
            {
                // Past the commit point the update is whole on disk: the next build into the folder finishes it.
                _done = true;
                diagnostics.Report(DiagnosticDescriptors.OutputError, $"the new site was committed but only partly moved into '{_output}': {ex.Message}; the next build into it finishes the update", null);
                return false;
            }
            diagnostics.Report(DiagnosticDescriptors.OutputError, $"cannot put the new site in place: {ex.Message}", null);
            return false;
        }
    }

    /// <summary>Deletes the temporary folder when the build did not commit, and lets go of the lock.</summary>
    public void Dispose()
    {
        if (!_done)
        {
            try
            {
                StagingFolders.Delete(_temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is removed by the next build.
            }
            _done = true;
        }
        _ownLock?.Dispose();
    }
}
