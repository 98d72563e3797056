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
public sealed class ParseCache : IDisposable
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
        var found = ReadRange(entry.Offset, entry.HeadLength, entry.HeadCheck, bytes =>
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
            return new Box<T>(read(reader));
        });
        if (found is null)
        {
            return false;
        }
        _used[relativePath] = true;
        value = found.Value;
        return true;
    }

    private sealed record Box<T>(T Value);

    /// <summary>The body cached with the page <see cref="TryGet"/> found at <paramref name="relativePath"/>; null when none was kept (or it cannot be read).</summary>
    internal byte[]? ReadBody(string relativePath) =>
        _old is not null && _index.TryGetValue(relativePath, out var entry) && entry.HasBody
            ? ReadRange(entry.Offset + entry.HeadLength, entry.Length - entry.HeadLength, entry.BodyCheck, bytes => bytes.AsSpan().ToArray())
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
        if (ReadRange(offset, length, entry.BodyCheck, static _ => "") is null)
        {
            return null;
        }
        _bodies ??= BodySpill.Over(_old);
        return new SpilledBody(_bodies, offset, length);
    }

    private BodySpill? _bodies;

    private T? ReadRange<T>(long offset, int length, ulong check, Func<ArraySegment<byte>, T> use) where T : class
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var done = 0;
            while (done < length)
            {
                var n = RandomAccess.Read(_old!, buffer.AsSpan(done, length - done), offset + done);
                if (n <= 0)
                {
                    throw new EndOfStreamException();
                }
                done += n;
            }
            if (System.IO.Hashing.XxHash3.HashToUInt64(buffer.AsSpan(0, length)) != check)
            {
                throw new InvalidDataException("a cache entry does not match its checksum");
            }
            return use(new ArraySegment<byte>(buffer, 0, length));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or FormatException or OverflowException
            or InvalidOperationException)
        {
            // A damaged entry is parsed again (and the file written anew).
            _stale = true;
            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Keeps <paramref name="record"/> (what <see cref="ParsedPageCodec.Write"/> wrote, the body from <paramref name="headLength"/> on) for the page.</summary>
    internal void Add(string relativePath, byte[] hash, ReadOnlySpan<byte> record, int headLength, bool hasBody)
    {
        Interlocked.Increment(ref _parsed);
        if (!_bound || _failed || NewFile() is not { } file)
        {
            return;
        }
        var at = Interlocked.Add(ref _newEnd, record.Length) - record.Length;
        try
        {
            RandomAccess.Write(file, record, at);
            _added[relativePath] = new Entry(hash, at, headLength, record.Length, hasBody,
                System.IO.Hashing.XxHash3.HashToUInt64(record[..headLength]), System.IO.Hashing.XxHash3.HashToUInt64(record[headLength..]));
        }
        catch (IOException)
        {
            _failed = true;
        }
    }

    private SafeFileHandle? NewFile()
    {
        if (_new is not null)
        {
            return _new;
        }
        lock (_newLock)
        {
            if (_new is null && !_failed)
            {
                try
                {
                    var folder = Path.GetDirectoryName(_path)!;
                    if (OperatingSystem.IsWindows())
                    {
                        Directory.CreateDirectory(folder);
                    }
                    else
                    {
                        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    }
                    var path = $"{_path}.{Environment.ProcessId}.tmp";
                    _stream = OpenPrivate(path, FileMode.CreateNew);
                    _new = _stream.SafeFileHandle;
                    _newPath = path;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    _failed = true;
                }
            }
            return _new;
        }
    }

    /// <summary>
    /// Writes the cache for the pages of this run (<paramref name="pages"/>, in order) when anything changed: entries
    /// of pages that are gone are dropped, unchanged ones carried over. Returns whether a new file was put in place.
    /// </summary>
    public bool Save(IReadOnlyList<SourceFile> pages)
    {
        if (!_bound)
        {
            return false;
        }
        var unchanged = !_stale && _added.IsEmpty && _used.Count == _index.Count;
        if (unchanged || _failed)
        {
            Discard();
            if (unchanged)
            {
                KeepFresh();
            }
            return false;
        }
        try
        {
            if (!_stale && _old is not null && TryAppend(pages))
            {
                Discard();
                _written = true;
                return true;
            }
            if (NewFile() is not { } file)
            {
                Discard();
                return false;
            }
            var kept = new List<(string Path, Entry Entry)>(pages.Count);
            foreach (var page in pages)
            {
                if (_added.TryGetValue(page.RelativePath, out var added))
                {
                    kept.Add((page.RelativePath, added));
                }
                else if (_used.ContainsKey(page.RelativePath) && _index.TryGetValue(page.RelativePath, out var old))
                {
                    kept.Add((page.RelativePath, old with { Offset = Copy(old) }));
                }
            }
            WriteIndex(file, kept, _newEnd);
            _stream!.Dispose();
            if (_bodies is null)
            {
                // Nothing is read from it after the parse unless bodies were lent: closed, it can be replaced everywhere.
                _old?.Dispose();
            }
            File.Move(_newPath!, _path, overwrite: true);
            (_stream, _new, _newPath) = (null, null, null);
            _written = true;
            Prune(Path.GetDirectoryName(_path)!, _path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard();
            return false;
        }
    }

    // After an edit, the new entries go to the end of the file this run read, then an index of all the live ones, and
    // only then does the header point at it: a run that stops half-way leaves the header on the old index, whose
    // entries were not touched. Unchanged pages are not copied. False (the file is then written anew, without the
    // entries of old versions) when another run changed the file since, or when its live entries are under half of it.
    private bool TryAppend(IReadOnlyList<SourceFile> pages)
    {
        // One run adds to the file at a time (an advisory lock): two would write their entries at the same place.
        // A run that does not get the lock writes a new file instead.
        using var held = TryLock();
        if (held is null)
        {
            return false;
        }
        using var file = File.OpenHandle(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[HeaderLength];
        if (RandomAccess.Read(file, header, 0) != HeaderLength || !header.AsSpan().SequenceEqual(_header))
        {
            return false;
        }
        var end = RandomAccess.GetLength(file);
        var added = _newEnd - HeaderLength;
        var shift = end - HeaderLength;
        var kept = new List<(string Path, Entry Entry)>(pages.Count);
        long live = 0;
        foreach (var page in pages)
        {
            if (_added.TryGetValue(page.RelativePath, out var entry))
            {
                entry = entry with { Offset = entry.Offset + shift };
            }
            else if (!_used.ContainsKey(page.RelativePath) || !_index.TryGetValue(page.RelativePath, out entry))
            {
                continue;
            }
            kept.Add((page.RelativePath, entry));
            live += entry.Length;
        }
        if (live * 2 < end + added)
        {
            return false;
        }
        if (_new is not null && added > 0)
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                for (long done = 0; done < added;)
                {
                    var n = RandomAccess.Read(_new, buffer.AsSpan(0, (int)Math.Min(buffer.Length, added - done)), HeaderLength + done);
                    if (n <= 0)
                    {
                        throw new IOException("this run's cache entries could not be read back");
                    }
                    RandomAccess.Write(file, buffer.AsSpan(0, n), end + done);
                    done += n;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        WriteIndex(file, kept, end + added);
        return true;
    }

    // Copies an entry of the old file to the end of the new one, returning where it now is.
    private long Copy(Entry entry)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(entry.Length);
        try
        {
            var done = 0;
            while (done < entry.Length)
            {
                var n = RandomAccess.Read(_old!, buffer.AsSpan(done, entry.Length - done), entry.Offset + done);
                if (n <= 0)
                {
                    throw new IOException("the old cache file ended early");
                }
                done += n;
            }
            var at = _newEnd;
            RandomAccess.Write(_new!, buffer.AsSpan(0, entry.Length), at);
            _newEnd += entry.Length;
            return at;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Writes the index at indexAt, then the header that points at it.
    private void WriteIndex(SafeFileHandle file, List<(string Path, Entry Entry)> kept, long indexAt)
    {
        using var index = new MemoryStream();
        using (var w = new BinaryWriter(index, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(kept.Count);
            foreach (var (path, e) in kept)
            {
                w.Write(path);
                w.Write(e.Hash);
                w.Write(e.Offset);
                w.Write(e.HeadLength);
                w.Write(e.Length);
                w.Write(e.HasBody);
                w.Write(e.HeadCheck);
                w.Write(e.BodyCheck);
            }
        }
        RandomAccess.Write(file, index.GetBuffer().AsSpan(0, (int)index.Length), indexAt);
        var header = new byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Format);
        _fingerprint.CopyTo(header.AsSpan(8, 32));
        Encoding.ASCII.GetBytes(Nonce, header.AsSpan(40, NonceLength));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(40 + NonceLength), indexAt);
        RandomAccess.Write(file, header, 0);
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

    // The caches of sites not built for a month (a copy since deleted, a temporary folder) and the files of runs that
    // were killed before renaming theirs go: the folder does not grow without end.
    private static void Prune(string folder, string keep)
    {
        try
        {
            var now = DateTime.UtcNow;
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("parse-*"))
            {
                var age = now - file.LastWriteTimeUtc;
                var old = file.Name.EndsWith(".tmp", StringComparison.Ordinal) ? age > TimeSpan.FromHours(1) : age > TimeSpan.FromDays(30);
                if (old && file.FullName != keep)
                {
                    file.Delete();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private FileStream? TryLock()
    {
        try
        {
            return OpenPrivate(_path + ".lock", FileMode.OpenOrCreate);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Opened by this process alone (on Unix an advisory lock), readable by the user alone when it is made.
    private static FileStream OpenPrivate(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }

    // A cache in use is not pruned as a site's that is gone: its time moves on once a day even when nothing changed.
    private void KeepFresh()
    {
        try
        {
            if (_old is not null && DateTime.UtcNow - File.GetLastWriteTimeUtc(_path) > TimeSpan.FromDays(1))
            {
                File.SetLastWriteTimeUtc(_path, DateTime.UtcNow);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Discard()
    {
        _stream?.Dispose();
        _stream = null;
        _new = null;
        if (_newPath is not null)
        {
            try
            {
                File.Delete(_newPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Closes the old file and removes a new one that was not put in place.</summary>
    public void Dispose()
    {
        Discard();
        _old?.Dispose();
    }
}
