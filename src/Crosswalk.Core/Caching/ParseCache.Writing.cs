using System.Buffers.Binary;
using System.Text;
using Crosswalk.Content;
using Microsoft.Win32.SafeHandles;

namespace Crosswalk.Caching;

// Writing the cache: this run's entries as they are parsed, then at the end of the parse either added to the file
// read (with a new index) or a new file renamed into place; pruning, locking and the temporary file.
public sealed partial class ParseCache
{
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
            BodySpill.ReadExactly(_old!, buffer.AsSpan(0, entry.Length), entry.Offset);
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
}
