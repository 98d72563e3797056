using System.Buffers;
using System.Text;
using Crosswalk.Markdown;
using CsCheck;

namespace Crosswalk.Tests.Markdown;

public sealed class LinkPlaceholdersTests
{
    private static readonly LinkPlaceholders Placeholders = new("abc123");

    private static string Resolve(int id) => $"/p{id}/ü";

    private static string WriteReplaced(string html)
    {
        var output = new ArrayBufferWriter<byte>();
        Placeholders.WriteReplaced(Encoding.UTF8.GetBytes(html), Resolve, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void Fills_in_placeholders_in_UTF8_as_in_text()
    {
        var html = $"<p>ä <a href=\"{Placeholders.For(0)}\">x</a> <a href=\"{Placeholders.For(12)}#a\">y</a></p>";

        Assert.Equal("<p>ä <a href=\"/p0/ü\">x</a> <a href=\"/p12/ü#a\">y</a></p>", WriteReplaced(html));
        Assert.Equal(Placeholders.Replace(html, Resolve), WriteReplaced(html));
    }

    [Theory]
    [InlineData("cwlinkabc123_")]
    [InlineData("cwlinkabc123__")]
    [InlineData("cwlinkabc123_7")]
    [InlineData("cwlinkabc123_7x_")]
    [InlineData("cwlinkabc123_cwlinkabc123_3_")]
    [InlineData("cwlinkxyz_1_")]
    [InlineData("cwlinkabc123_99999999999_")]
    public void Leaves_text_that_is_not_a_whole_placeholder_as_the_text_replacement_does(string html)
    {
        Assert.Equal(Placeholders.Replace(html, Resolve), WriteReplaced(html));
    }

    [Fact]
    public void Agrees_with_the_text_replacement_on_random_mixtures()
    {
        var piece = Gen.OneOf(Gen.Const("cwlinkabc123_"), Gen.Const("_"), Gen.Const("cwlink"), Gen.Int[0, 40].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Const("é"), Gen.Const("😀"), Gen.Char["ab_019<é"].Array[0, 5].Select(c => new string(c)));
        piece.Array[0, 12].Select(p => string.Concat(p)).Sample(html => Assert.Equal(Placeholders.Replace(html, Resolve), WriteReplaced(html)), iter: 3000);
    }
}
