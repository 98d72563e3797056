using System.Buffers.Binary;

namespace Crosswalk.Bundle.Layout;

/// <summary>The pixel size of a PNG or JPEG, read from its header; null for anything else.</summary>
internal static class ImageSize
{
    public static (int Width, int Height)? Of(byte[] data)
    {
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (data.Length >= 24 && data.AsSpan(0, 8).SequenceEqual(png))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(20)));
        }
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return null;
        }
        // JPEG: walk the marker segments to the frame header (SOF0-SOF15 but DHT, JPG and DAC).
        var i = 2;
        while (i + 9 < data.Length && data[i] == 0xFF)
        {
            var marker = data[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i + 5)));
            }
            i += 2 + length;
        }
        return null;
    }
}
