using System.Runtime.InteropServices;

namespace Crosswalk.Content;

/// <summary>
/// Tells a regular file from a FIFO, socket or device, which .NET's FileInfo does not: opening a FIFO to read it waits
/// for a writer forever, and a device such as /dev/zero never ends.
/// </summary>
public static class FileKinds
{
    /// <summary>
    /// What kind of special file <paramref name="path"/> is (following links): "a FIFO", "a socket", "a character device",
    /// "a block device", or null for a regular file, a folder, or a file that cannot be inspected (reading it reports why).
    /// </summary>
    public static string? Special(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null; // no FIFOs nor devices in a folder tree there
        }
        // The runtime's own shim (libSystem.Native, shipped with every .NET on Unix) has one struct layout on every
        // Unix, unlike libc's struct stat: its second 32-bit field is the mode. The buffer is larger than the struct.
        var status = new byte[256];
        try
        {
            if (Stat(path, status) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        return (BitConverter.ToInt32(status, 4) & 0xF000) switch
        {
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    // DllImport rather than LibraryImport: the generated marshaller would need unsafe code in the project.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat(string path, [Out] byte[] status);
}
