using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Crosswalk.Content;

/// <summary>
/// A body HTML kept compressed while a build holds the parsed site: the bodies are most of what a parsed site holds
/// in memory (63 MB of a 10,000-page site's 240 MB, 630 MB at 100,000 pages) and shrink to about a third. Brotli's
/// fastest quality: its cost (a few milliseconds a megabyte each way) is small beside rendering the page.
/// </summary>
public static class BodyPacking
{
    // Quality 0 of 11: on the bodies of the benchmark corpus, 2% larger than quality 1 in about half the time. A 4 MB
    // window covers any body a page holds.
    private const int Quality = 0;
    private const int Window = 22;

    /// <summary><paramref name="utf8"/> compressed, prefixed with its length (4 bytes, little-endian).</summary>
    public static byte[] Pack(ReadOnlySpan<byte> utf8)
    {
        var bound = BrotliEncoder.GetMaxCompressedLength(utf8.Length);
        var rented = ArrayPool<byte>.Shared.Rent(4 + bound);
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(rented, utf8.Length);
            if (!BrotliEncoder.TryCompress(utf8, rented.AsSpan(4), out var written, Quality, Window))
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
    public static int UnpackedLength(byte[] packed) => BinaryPrimitives.ReadInt32LittleEndian(packed);

    /// <summary>Unpacks <paramref name="packed"/> into the first <see cref="UnpackedLength"/> bytes of <paramref name="destination"/>.</summary>
    public static void UnpackInto(byte[] packed, Span<byte> destination)
    {
        var length = UnpackedLength(packed);
        if (!BrotliDecoder.TryDecompress(packed.AsSpan(4), destination[..length], out var written) || written != length)
        {
            throw new InvalidOperationException("a packed page body is damaged");
        }
    }
}
