using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using K4os.Compression.LZ4;

namespace Crosswalk.Content;

/// <summary>
/// A body HTML kept compressed while a build holds the parsed site: the bodies are most of what a parsed site holds
/// in memory (63 MB of a 10,000-page site's 240 MB, 630 MB at 100,000 pages). Each body is packed once and unpacked
/// twice (for its page and for the search index). LZ4 at its fastest level by default: Brotli's fastest quality packs
/// a third smaller but spent a tenth of a build's processor time. A large site's build packs <c>compact</c>, with
/// Brotli (<see cref="Pipeline.BuildContext.SavesMemory"/>): there the memory matters more than the time.
/// </summary>
public static class BodyPacking
{
    // The length's top bit (a body is far below 2 GiB) says the rest is Brotli rather than LZ4.
    private const int Brotli = int.MinValue;

    /// <summary>
    /// <paramref name="utf8"/> compressed (with Brotli when <paramref name="compact"/>, else LZ4), prefixed with its
    /// length (4 bytes, little-endian; the top bit set for Brotli).
    /// </summary>
    public static byte[] Pack(ReadOnlySpan<byte> utf8, bool compact = false)
    {
        var bound = compact ? BrotliEncoder.GetMaxCompressedLength(utf8.Length) : LZ4Codec.MaximumOutputSize(utf8.Length);
        var rented = ArrayPool<byte>.Shared.Rent(4 + bound);
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(rented, compact ? utf8.Length | Brotli : utf8.Length);
            int written;
            if (compact)
            {
                // Quality 0, the fastest; a 4 MB window covers any body a page holds.
                written = BrotliEncoder.TryCompress(utf8, rented.AsSpan(4), out var n, quality: 0, window: 22) ? n : -1;
            }
            else
            {
                written = utf8.Length == 0 ? 0 : LZ4Codec.Encode(utf8, rented.AsSpan(4), LZ4Level.L00_FAST);
            }
            if (written < 0)
            {
                throw new InvalidOperationException("a page body could not be compressed");
            }
            return rented.AsSpan(0, 4 + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The body <paramref name="packed"/> (from <see cref="Pack"/>) holds, as a new array.</summary>
    public static byte[] Unpack(byte[] packed)
    {
        var body = new byte[UnpackedLength(packed)];
        UnpackInto(packed, body);
        return body;
    }

    /// <summary>How many bytes <paramref name="packed"/> unpacks to.</summary>
    public static int UnpackedLength(byte[] packed) => BinaryPrimitives.ReadInt32LittleEndian(packed) & int.MaxValue;

    /// <summary>Unpacks <paramref name="packed"/> into the first <see cref="UnpackedLength"/> bytes of <paramref name="destination"/>.</summary>
    public static void UnpackInto(byte[] packed, Span<byte> destination)
    {
        var length = UnpackedLength(packed);
        int written;
        if ((BinaryPrimitives.ReadInt32LittleEndian(packed) & Brotli) != 0)
        {
            written = BrotliDecoder.TryDecompress(packed.AsSpan(4), destination[..length], out var n) ? n : -1;
        }
        else
        {
            written = length == 0 ? 0 : LZ4Codec.Decode(packed.AsSpan(4), destination[..length]);
        }
        if (written != length)
        {
            throw new InvalidOperationException("a packed page body is damaged");
        }
    }
}
