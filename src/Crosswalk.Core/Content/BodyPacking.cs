using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace Crosswalk.Content;

/// <summary>
/// A body HTML kept compressed while a build holds the parsed site: the bodies are most of what a parsed site holds
/// in memory (63 MB of a 10,000-page site's 240 MB, 630 MB at 100,000 pages). LZ4 at its fastest level: each body is
/// packed once and unpacked twice (for its page and for the search index), and Brotli's fastest quality, a third
/// smaller, spent a tenth of a build's processor time doing that.
/// </summary>
public static class BodyPacking
{
    /// <summary><paramref name="utf8"/> compressed, prefixed with its length (4 bytes, little-endian).</summary>
    public static byte[] Pack(ReadOnlySpan<byte> utf8)
    {
        var rented = ArrayPool<byte>.Shared.Rent(4 + LZ4Codec.MaximumOutputSize(utf8.Length));
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(rented, utf8.Length);
            var written = utf8.Length == 0 ? 0 : LZ4Codec.Encode(utf8, rented.AsSpan(4), LZ4Level.L00_FAST);
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
    public static int UnpackedLength(byte[] packed) => BinaryPrimitives.ReadInt32LittleEndian(packed);

    /// <summary>Unpacks <paramref name="packed"/> into the first <see cref="UnpackedLength"/> bytes of <paramref name="destination"/>.</summary>
    public static void UnpackInto(byte[] packed, Span<byte> destination)
    {
        var length = UnpackedLength(packed);
        var written = length == 0 ? 0 : LZ4Codec.Decode(packed.AsSpan(4), destination[..length]);
        if (written != length)
        {
            throw new InvalidOperationException("a packed page body is damaged");
        }
    }
}
