using System.Buffers;
using CsCheck;
using System.Text;
using Crosswalk.Markdown;
using Crosswalk.Templates;

namespace Crosswalk.Tests.Templates;

public sealed class Utf8OutputTests
{
    private static readonly LinkPlaceholders Placeholders = new("test");
    private const string Marker = "cwcontentMARK_";

    private static PageBody Body(string html, params string[] hrefs) => new(Encoding.UTF8.GetBytes(html), Placeholders, hrefs);

    [Fact]
    public void Encodes_what_is_written_as_utf8_including_a_surrogate_pair_split_across_writes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var output = new Utf8Output(buffer);
        var text = "é 😀 ok";

        output.Write(text, 0, 3); // ends on the high surrogate
        output.Write(text, 3, text.Length - 3);
        output.Complete();

        Assert.Equal(Encoding.UTF8.GetBytes(text), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Any_text_in_any_pieces_is_encoded_as_one_encoder_would()
    {
        // ASCII pieces take a shortcut past the encoder: pieces mixing ASCII, other characters and halves of surrogate
        // pairs (lone ones too) must still come out as a single stateful encoder writes them.
        var pieces = Gen.OneOf(Gen.Const("a"), Gen.Const("<p>"), Gen.Const("é"), Gen.Const("\uD83D"),
            Gen.Const("\uDE00"), Gen.Const("😀"), Gen.Const("")).Array[0, 8];
        pieces.Array[0, 6].Sample(writes =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            var output = new Utf8Output(buffer);
            var expected = new ArrayBufferWriter<byte>();
            var encoder = new UTF8Encoding(false).GetEncoder();
            foreach (var text in writes.Select(w => string.Concat(w)))
            {
                output.Write(text, 0, text.Length);
                encoder.Convert(text, expected, flush: false, out _, out _);
            }
            output.Complete();
            encoder.Convert([], expected, flush: true, out _, out _);
            Assert.Equal(expected.WrittenSpan.ToArray(), buffer.WrittenSpan.ToArray());
        }, iter: 5000);
    }

    [Fact]
    public void A_lone_high_surrogate_at_the_end_becomes_the_replacement_character()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var output = new Utf8Output(buffer);

        output.Write("a\uD83D", 0, 2);
        output.Complete();

        Assert.Equal("a\uFFFD", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void The_marker_object_itself_is_replaced_by_the_body_with_links_filled_in_each_time_it_is_printed()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var marker = new string(Marker.AsSpan());
        var output = new Utf8Output(buffer, marker, Body($"<p><a href=\"{Placeholders.For(0)}\">é</a></p>", "/a/"));

        output.Write("<main>", 0, 6);
        output.Write(marker, 0, marker.Length);
        output.Write(marker, 0, marker.Length);
        output.Write("</main>", 0, 7);
        output.Complete();

        Assert.Equal("<main><p><a href=\"/a/\">é</a></p><p><a href=\"/a/\">é</a></p></main>", Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.False(output.MarkerLeaked);
    }

    [Theory]
    [InlineData("<div>" + Marker + "</div>")]
    [InlineData(Marker)] // equal text, another object: the layout built it
    public void Marker_text_in_any_other_string_is_reported_as_leaked(string printed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var marker = new string(Marker.AsSpan());
        var output = new Utf8Output(buffer, marker, Body("<p>body</p>"));

        output.Write(printed, 0, printed.Length);

        Assert.True(output.MarkerLeaked);
        Assert.DoesNotContain("body", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
