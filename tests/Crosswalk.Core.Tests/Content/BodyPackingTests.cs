using System.Text;
using Crosswalk.Content;

namespace Crosswalk.Tests.Content;

public sealed class BodyPackingTests
{
    public static TheoryData<string, bool> Bodies
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var compact in new[] { false, true })
            {
                data.Add("", compact);
                data.Add("<p>x</p>", compact);
                data.Add("<p>Ünïcödé — 日本語 — 🚀</p>\n", compact);
                data.Add(string.Concat(Enumerable.Repeat("<tr><td>CC6.1</td><td>Logical access</td></tr>\n", 20_000)), compact);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_packed_body_unpacks_to_the_same_bytes(string body, bool compact)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);

        var packed = BodyPacking.Pack(utf8, compact);

        Assert.Equal(utf8.Length, BodyPacking.UnpackedLength(packed));
        Assert.Equal(utf8, BodyPacking.Unpack(packed));
        // Into a larger buffer (a pooled one): only the body's length is written.
        var buffer = Enumerable.Repeat((byte)'#', utf8.Length + 16).ToArray();
        BodyPacking.UnpackInto(packed, buffer);
        Assert.Equal(utf8, buffer[..utf8.Length]);
        Assert.All(buffer[utf8.Length..], b => Assert.Equal((byte)'#', b));
    }

    [Fact]
    public void Repetitive_html_is_held_in_a_fraction_of_its_size_and_compact_in_less()
    {
        var utf8 = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<li><a href=\"/docs/page-{i}/\">Page {i}</a></li>\n")));

        var fast = BodyPacking.Pack(utf8);
        var compact = BodyPacking.Pack(utf8, compact: true);

        Assert.True(fast.Length < utf8.Length / 3);
        Assert.True(compact.Length < fast.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_damaged_body_is_an_error_not_wrong_text(bool compact)
    {
        var packed = BodyPacking.Pack(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>policy text</p>", 500))), compact);

        Assert.Throws<InvalidOperationException>(() => BodyPacking.Unpack(packed[..(packed.Length / 2)]));
    }
}
