using Microsoft.Win32.SafeHandles;

namespace Crosswalk.Content;

/// <summary>
/// Where a build keeps its pages' body HTML from parse to render: one temporary file beside the output folder, which
/// every parsing thread appends to and the render reads back (twice: the page, the search index). The bodies are most
/// of what a parsed site would hold in memory (63 MB at 10,000 pages, 630 MB at 100,000); in the file they sit in the
/// kernel's page cache, outside the heap the collector walks, and cost no compression (LZ4 in memory, Brotli on large
/// sites, took 5-10% of a build's processor time). Nobody else sees the file: on Unix it is unlinked as soon as it is
/// open, on Windows the system deletes it when its handle closes, so a killed build leaves nothing.
/// </summary>
public sealed class BodySpill : IDisposable
{
    private const string Infix = ".crosswalk-bodies-";

    private readonly SafeFileHandle _file;
    private long _end;
    private volatile bool _full;

    private BodySpill(SafeFileHandle file) => _file = file;

    /// <summary>A spill over a file already open (tests: a device that is always full).</summary>
    internal static BodySpill Over(SafeFileHandle file) => new(file);

    /// <summary>The file's name beside the output folder <paramref name="output"/> (a full path), while it has one.</summary>
    internal static string PathOf(string output, int pid) => Path.Combine(Path.GetDirectoryName(output)!, NameOf(output, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The names of every build's spill beside <paramref name="output"/>, as a search pattern.</summary>
    internal static string Pattern(string output) => NameOf(output, "*");

    private static string NameOf(string output, string pid) => $".{Path.GetFileName(output)}{Infix}{pid}";

    /// <summary>A spill beside the output folder <paramref name="output"/>, or null when none can be made there (bodies then stay in memory).</summary>
    public static BodySpill? Open(string output)
    {
        var path = PathOf(output, Environment.ProcessId);
        try
        {
            var windows = OperatingSystem.IsWindows();
            var file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, windows ? FileOptions.DeleteOnClose : FileOptions.None);
            if (!windows)
            {
                File.Delete(path);
            }
            return new BodySpill(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="utf8"/>; null when the file takes no more (a full disk): the caller keeps that body
    /// itself, and the build goes on in memory. Safe to call from several threads.
    /// </summary>
    public SpilledBody? TryAdd(ReadOnlySpan<byte> utf8)
    {
        if (_full)
        {
            return null;
        }
        var at = Interlocked.Add(ref _end, utf8.Length) - utf8.Length;
        try
        {
            RandomAccess.Write(_file, utf8, at);
            return new SpilledBody(this, at, utf8.Length);
        }
        catch (IOException)
        {
            _full = true;
            return null;
        }
    }

    /// <summary>Reads the bytes stored at <paramref name="offset"/> into the whole of <paramref name="destination"/>.</summary>
    internal void Read(long offset, Span<byte> destination) => ReadExactly(_file, destination, offset);

    /// <summary>Fills the whole of <paramref name="destination"/> from <paramref name="file"/> at <paramref name="offset"/>; a file that ends first is an <see cref="IOException"/>.</summary>
    internal static void ReadExactly(SafeFileHandle file, Span<byte> destination, long offset)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = RandomAccess.Read(file, destination[done..], offset + done);
            if (n <= 0)
            {
                throw new EndOfStreamException("a file kept for this build ended before the bytes it should hold");
            }
            done += n;
        }
    }

    /// <summary>Closes (and so deletes) the file; a body read after this throws.</summary>
    public void Dispose() => _file.Dispose();
}

/// <summary>A body stored in a <see cref="BodySpill"/>: where, and how long.</summary>
public readonly record struct SpilledBody(BodySpill Spill, long Offset, int Length)
{
    /// <summary>The body, read back as a new array.</summary>
    public byte[] Read()
    {
        var body = new byte[Length];
        ReadInto(body);
        return body;
    }

    /// <summary>Reads the body into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    public void ReadInto(Span<byte> destination) => Spill.Read(Offset, destination[..Length]);
}
