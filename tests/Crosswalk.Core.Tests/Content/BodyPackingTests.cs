using System.Text;
using Crosswalk.Content;

namespace Crosswalk.Tests.Content;

public sealed class BodyPackingTests
{
    public static TheoryData<string> Bodies => new()
    {
        "",
        "<p>x</p>",
        "<p>Ünïcödé — 日本語 — 🚀</p>\n",
        string.Concat(Enumerable.Repeat("<tr><td>CC6.1</td><td>Logical access</td></tr>\n", 20_000)),
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_packed_body_unpacks_to_the_same_bytes(string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);

        var packed = BodyPacking.Pack(utf8);

        Assert.Equal(utf8.Length, BodyPacking.UnpackedLength(packed));
        Assert.Equal(utf8, BodyPacking.Unpack(packed));
        // Into a larger buffer (a pooled one): only the body's length is written.
        var buffer = Enumerable.Repeat((byte)'#', utf8.Length + 16).ToArray();
        BodyPacking.UnpackInto(packed, buffer);
        Assert.Equal(utf8, buffer[..utf8.Length]);
        Assert.All(buffer[utf8.Length..], b => Assert.Equal((byte)'#', b));
    }

    [Fact]
    public void Repetitive_html_is_held_in_a_fraction_of_its_size()
    {
        var utf8 = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<li><a href=\"/docs/page-{i}/\">Page {i}</a></li>\n")));

        Assert.True(BodyPacking.Pack(utf8).Length < utf8.Length / 3);
    }

    [Fact]
    public void A_damaged_body_is_an_error_not_wrong_text()
    {
        var packed = BodyPacking.Pack(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>policy text</p>", 500))));

        Assert.Throws<InvalidOperationException>(() => BodyPacking.Unpack(packed[..(packed.Length / 2)]));
    }
}
