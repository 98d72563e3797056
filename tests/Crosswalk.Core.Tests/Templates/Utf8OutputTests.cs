using System.Buffers;
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
