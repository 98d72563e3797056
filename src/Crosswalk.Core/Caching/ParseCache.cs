using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Crosswalk.Content;
using Microsoft.Win32.SafeHandles;

namespace Crosswalk.Caching;

/// <summary>What a run's parse cache did: the pages read from it, the pages parsed (and added), and whether the file was written anew.</summary>
public sealed record ParseCacheUse(string Path, int Read, int Parsed, bool Written);

/// <summary>
/// What the last runs made of each page, kept between runs in one file outside the site (the user's cache folder), so a
/// page whose bytes and parse inputs (<see cref="ParseInputs"/>) are the same is not parsed again. Each entry is keyed
/// by the page's path and a SHA-256 of its bytes; the file as a whole by the inputs' fingerprint, and one that does not
/// match is not read. Anything wrong with the file (unreadable, truncated, another version) makes it empty: the pages
/// are parsed. Writing it is best effort: a cache that cannot be written costs the next run time, never a verdict.
/// </summary>
/// <remarks>
/// The file: a header (magic, format, fingerprint, the link placeholders' nonce, where the index starts), the entries
/// (<see cref="ParsedPageCodec"/>), then the index. A run that parsed a few pages adds their entries and a new index
/// to the end and then points the header at it; one that finds the file of other inputs, damaged or half old
/// entries writes a new file beside it and renames it into place. Either way a reader never sees half of one.
/// </remarks>
public sealed partial class ParseCache : IDisposable
{
    private const int Format = 1;
    private const int NonceLength = 12;
    private const int HeaderLength = 4 + 4 + 32 + NonceLength + 8;
    private static ReadOnlySpan<byte> Magic => "CWPC"u8;

    private readonly string _path;
    private readonly SafeFileHandle? _old;
    private Dictionary<string, Entry> _index;
    private byte[] _fingerprint = [];
    private bool _bound;
    private bool _stale;

    // This run's new entries, appended to the new file as they come.
    private readonly ConcurrentDictionary<string, Entry> _added = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);
    private readonly Lock _newLock = new();
    private SafeFileHandle? _new;
    private FileStream? _stream;
    private string? _newPath;
    private long _newEnd = HeaderLength;
    private volatile bool _failed;
    // The header as this run read it: the file may be added to only while it is still that.
    private byte[] _header = [];
    private int _parsed;
    private bool _written;

    /// <summary>
    /// An entry: the hash of the page's bytes, where its record is, and checksums of the record's two parts (the page,
    /// the body), which a read must match: a damaged file is parsed again, never believed.
    /// </summary>
    private readonly record struct Entry(byte[] Hash, long Offset, int HeadLength, int Length, bool HasBody, ulong HeadCheck, ulong BodyCheck);

    private ParseCache(string path, SafeFileHandle? old, Dictionary<string, Entry> index, byte[] fingerprint, string nonce)
    {
        _path = path;
        _old = old;
        _index = index;
        _fingerprint = fingerprint;
        Nonce = nonce;
    }

    /// <summary>What this run did with the cache; null when it was not bound (no fingerprint covered the site).</summary>
    // A page found without the body this run needs was parsed again: it counts as parsed, not read.
    public ParseCacheUse? Use => _bound ? new ParseCacheUse(_path, _used.Keys.Count(k => !_added.ContainsKey(k)), _parsed, _written) : null;

    /// <summary>The link placeholders' nonce the cached bodies were made with: a run that reads them parses with it too.</summary>
    public string Nonce { get; }

    /// <summary>The file that holds the cache of the site whose site.yml is <paramref name="configPath"/>, under <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string configPath)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(configPath)));
        return Path.Combine(folder, "parse-" + Convert.ToHexStringLower(key)[..16] + ".bin");
    }

    /// <summary>
    /// The user's cache folder for Crosswalk: <c>CROSSWALK_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/crosswalk</c>
    /// (<c>~/.cache/crosswalk</c>) on Linux, <c>~/Library/Caches/crosswalk</c> on macOS and
    /// <c>%LOCALAPPDATA%\crosswalk\cache</c> on Windows; null when none can be named.
    /// </summary>
    public static string? DefaultFolder()
    {
        if (Environment.GetEnvironmentVariable("CROSSWALK_CACHE_DIR") is { Length: > 0 } set)
        {
            return Path.GetFullPath(set);
        }
        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length > 0 ? Path.Combine(local, "crosswalk", "cache") : null;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return home.Length > 0 ? Path.Combine(home, "Library", "Caches", "crosswalk") : null;
        }
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "crosswalk");
        }
        return home.Length > 0 ? Path.Combine(home, ".cache", "crosswalk") : null;
    }

    /// <summary>Opens the cache file at <paramref name="path"/>; a missing or unusable one gives an empty cache with a new nonce.</summary>
    public static ParseCache Open(string path)
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (ReadIndex(handle) is { } read)
            {
                return new ParseCache(path, handle, read.Index, read.Fingerprint, read.Nonce) { _header = read.Header };
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
            or FormatException or OverflowException)
        {
        }
        handle?.Dispose();
        return new ParseCache(path, null, new Dictionary<string, Entry>(StringComparer.Ordinal), [], NewNonce());
    }

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(NonceLength / 2));

    /// <summary>
    /// Fixes what this run parses with: entries written under another fingerprint are not used, and the file written at
    /// the end is under this one.
    /// </summary>
    public ParseCache Bind(byte[] fingerprint)
    {
        if (!_fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            _index = new Dictionary<string, Entry>(StringComparer.Ordinal);
            _stale = true;
        }
        _fingerprint = fingerprint;
        _bound = true;
        return this;
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the cached parse of the page at <paramref name="relativePath"/> whose bytes
    /// hash to <paramref name="hash"/> (without its body: <see cref="ReadBody"/>); false when there is none.
    /// </summary>
    internal bool TryGet<T>(string relativePath, byte[] hash, Func<BinaryReader, T> read, out T? value)
    {
        value = default;
        if (!_bound || _old is null || !_index.TryGetValue(relativePath, out var entry) || !entry.Hash.AsSpan().SequenceEqual(hash))
        {
            return false;
        }
        if (!TryReadRange(entry.Offset, entry.HeadLength, entry.HeadCheck, bytes =>
            {
                using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
                return read(reader);
            }, out value))
        {
            return false;
        }
        _used[relativePath] = true;
        return true;
    }

    /// <summary>The body cached with the page <see cref="TryGet"/> found at <paramref name="relativePath"/>; null when none was kept (or it cannot be read).</summary>
    internal byte[]? ReadBody(string relativePath) =>
        _old is not null && _index.TryGetValue(relativePath, out var entry) && entry.HasBody
            && TryReadRange(entry.Offset + entry.HeadLength, entry.Length - entry.HeadLength, entry.BodyCheck, bytes => bytes.AsSpan().ToArray(), out var body)
            ? body
            : null;

    /// <summary>
    /// Whether <see cref="BodyInPlace"/> may be used: not on Windows, where the file could then not be replaced while
    /// the build still reads from it.
    /// </summary>
    internal bool LendsBodies { get; } = !OperatingSystem.IsWindows();

    /// <summary>Whether the cache file is inside <paramref name="folder"/> (an absolute path).</summary>
    public bool IsInside(string folder)
    {
        var relative = Path.GetRelativePath(folder, _path);
        return relative != _path && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>
    /// The body cached with the page <see cref="TryGet"/> found at <paramref name="relativePath"/>, left where it is: a
    /// build reads it from the cache file when it renders the page (the file stays open until the cache is disposed,
    /// and a newer file renamed over it does not change what is read). Checked now; null when none was kept.
    /// </summary>
    internal SpilledBody? BodyInPlace(string relativePath)
    {
        if (_old is null || !_index.TryGetValue(relativePath, out var entry) || !entry.HasBody)
        {
            return null;
        }
        var (offset, length) = (entry.Offset + entry.HeadLength, entry.Length - entry.HeadLength);
        if (!TryReadRange(offset, length, entry.BodyCheck, static _ => true, out _))
        {
            return null;
        }
        _bodies ??= BodySpill.Over(_old);
        return new SpilledBody(_bodies, offset, length);
    }

    private BodySpill? _bodies;

    // What use makes of the bytes at offset, when they match their checksum; false (and the file due to be written anew) when not.
    private bool TryReadRange<T>(long offset, int length, ulong check, Func<ArraySegment<byte>, T> use, out T? value)
    {
        value = default;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            BodySpill.ReadExactly(_old!, buffer.AsSpan(0, length), offset);
            if (System.IO.Hashing.XxHash3.HashToUInt64(buffer.AsSpan(0, length)) != check)
            {
                throw new InvalidDataException("a cache entry does not match its checksum");
            }
            value = use(new ArraySegment<byte>(buffer, 0, length));
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or FormatException or OverflowException
            or InvalidOperationException)
        {
            // A damaged entry is parsed again (and the file written anew).
            _stale = true;
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (Dictionary<string, Entry> Index, byte[] Fingerprint, string Nonce, byte[] Header)? ReadIndex(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        var header = new byte[HeaderLength];
        if (length < HeaderLength || RandomAccess.Read(handle, header, 0) != HeaderLength || !header.AsSpan(0, 4).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4)) != Format)
        {
            return null;
        }
        var indexAt = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(40 + NonceLength));
        var nonce = Encoding.ASCII.GetString(header, 40, NonceLength);
        if (indexAt < HeaderLength || indexAt >= length || length - indexAt > 1 << 28 || !nonce.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        var bytes = new byte[length - indexAt];
        if (RandomAccess.Read(handle, bytes, indexAt) != bytes.Length)
        {
            return null;
        }
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var count = r.ReadInt32();
        var index = new Dictionary<string, Entry>(Math.Clamp(count, 0, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var entry = new Entry(r.ReadBytes(32), r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean(), r.ReadUInt64(), r.ReadUInt64());
            if (entry.Offset < HeaderLength || entry.HeadLength < 0 || entry.Length < entry.HeadLength || entry.Offset + entry.Length > indexAt)
            {
                return null;
            }
            index[path] = entry;
        }
        return (index, header.AsSpan(8, 32).ToArray(), nonce, header);
    }

    /// <summary>Closes the old file and removes a new one that was not put in place.</summary>
    public void Dispose()
    {
        Discard();
        _old?.Dispose();
    }
}
