using System.Globalization;

namespace Crosswalk.Output;

/// <summary>
/// One build at a time per output folder: an exclusive OS lock on <c>.&lt;name&gt;.crosswalk-lock</c> beside the
/// folder (FileShare.None on Windows, flock on Unix). The OS drops the lock when its holder dies, so a killed build
/// never blocks the next. The file is left in place: deleting a lock file another process has open would let two
/// builds lock two different files.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    // Wide enough for any pid (Linux's limit is 2^22, Windows' a 32-bit number).
    private const int PidWidth = 11;

    private readonly FileStream _file;

    private OutputLock(FileStream file) => _file = file;

    /// <summary>The lock file of the output folder <paramref name="output"/> (a full path).</summary>
    public static string PathOf(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.crosswalk-lock");

    /// <summary>Takes the lock, or returns null with <paramref name="problem"/> naming the holder when another build has it.</summary>
    public static OutputLock? TryTake(string output, out string? problem)
    {
        var path = PathOf(output);
        FileStream? file = null;
        try
        {
            problem = null;
            // Others may read the file (it names its holder); on Windows, refusing them write access is the lock.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
            // The CLI turns .NET's own advisory locks off (System.IO.DisableFileLocking, for speed): this one is taken
            // by hand. LOCK_EX and LOCK_NB have these values on Linux, macOS and the BSDs.
            if (!OperatingSystem.IsWindows() && Flock(file.SafeFileHandle, LockExclusive | LockNonBlocking) != 0)
            {
                throw new IOException($"'{path}' is locked by another process");
            }
            // One write of a fixed width over the last holder's pid, never a truncation: a contender reads a whole pid
            // (this one, or the last holder's in the instant before this write), never an empty file.
            RandomAccess.Write(file.SafeFileHandle, System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture).PadRight(PidWidth)), 0);
            return new OutputLock(file);
        }
        catch (IOException) when (File.Exists(path))
        {
            file?.Dispose();
            var who = Holder(path) is { } pid ? $"another build (process {pid})" : "another build";
            problem = $"{who} is writing to '{output}' (it holds '{path}'); run again when it has finished";
            return null;
        }
    }

    // The pid the holder wrote, when the file can be read (it cannot where .NET's own file locks are on). A pid that is
    // not running is the last holder's, read before the new one wrote its own: read again, briefly.
    private static int? Holder(string path)
    {
        int? pid = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                pid = int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var read) ? read : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            if (pid is { } p && StagingFolders.IsAlive(p))
            {
                return pid;
            }
            Thread.Sleep(5);
        }
        return pid;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(Microsoft.Win32.SafeHandles.SafeFileHandle fd, int operation);
}
