using System.Text;

namespace Crosswalk.Bundle;

/// <summary>
/// What PDFsharp leaves to chance in a file, made to follow from the book instead, so the same book gives the same
/// bytes. Each embedded font subset gets a random six-letter tag (<c>/ATGUOV+Liberation#20Sans</c>; PDF asks only
/// that tags differ within a file), and the XMP metadata random document and instance UUIDs. Both are replaced in
/// place by values of the same length (tags numbered in order of first appearance, UUIDs from the book's id), so no
/// offset in the file moves.
/// </summary>
internal static class StableBytes
{
    private static readonly byte[] s_suffix = Encoding.ASCII.GetBytes("+" + BundleFonts.Sans.Split(' ')[0]);

    /// <summary><paramref name="pdf"/>, changed in place; <paramref name="id"/> holds at least 16 bytes.</summary>
    public static byte[] Apply(byte[] pdf, byte[] id)
    {
        RenumberTags(pdf);
        var uuid = Encoding.ASCII.GetBytes(new Guid(id.AsSpan(0, 16)).ToString("D"));
        foreach (var element in new[] { "<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:" })
        {
            var at = pdf.AsSpan().IndexOf(Encoding.ASCII.GetBytes(element));
            if (at >= 0 && at + element.Length + uuid.Length <= pdf.Length)
            {
                uuid.CopyTo(pdf.AsSpan(at + element.Length));
            }
        }
        return pdf;
    }

    private static void RenumberTags(byte[] pdf)
    {
        var tags = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var span = pdf.AsSpan();
        for (var at = span.IndexOf(s_suffix); at >= 0;)
        {
            var start = at - 6;
            if (start > 0 && pdf[start - 1] == (byte)'/' && span.Slice(start, 6).IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0)
            {
                var tag = Encoding.ASCII.GetString(pdf, start, 6);
                if (!tags.TryGetValue(tag, out var replacement))
                {
                    replacement = Tag(tags.Count);
                    tags[tag] = replacement;
                }
                replacement.CopyTo(span.Slice(start, 6));
            }
            var next = span[(at + 1)..].IndexOf(s_suffix);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    /// <summary>CWAAAA, CWAAAB, …: the n-th tag, in base 26.</summary>
    private static byte[] Tag(int n)
    {
        var tag = "CWAAAA"u8.ToArray();
        for (var i = 5; i >= 2 && n > 0; i--, n /= 26)
        {
            tag[i] = (byte)('A' + n % 26);
        }
        return tag;
    }
}
