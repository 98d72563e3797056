using CsCheck;
using Crosswalk.Links;
using Crosswalk.Markdown;

namespace Crosswalk.Tests.Links;

public sealed class UrlPathTests
{
    // Paths built from the pieces that matter to the fast paths: separators, dot segments, escapes, non-ASCII.
    private static readonly Gen<string> Paths = Gen.OneOf(Gen.Const("/"), Gen.Const("."), Gen.Const(".."), Gen.Const("%2F"), Gen.Const("%"), Gen.Const("%zz"),
            Gen.Const("a"), Gen.Const("index"), Gen.Const(".md"), Gen.Const("é"), Gen.Const(" "), Gen.Const("#"), Gen.Const("?"), Gen.Const("%20"),
            Gen.Char["az09-_~!$()*+,;=:@"].Array[1, 4].Select(c => new string(c)))
        .Array[0, 10].Select(p => string.Concat(p));

    [Theory]
    [InlineData("/a/b/", "/a/b/")]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("/a//b", "/a/b")]
    [InlineData("/a%20b", "/a b")]
    [InlineData("/..", null)]
    [InlineData("/", "/")]
    public void Normalize_resolves_escapes_dot_segments_and_empty_segments(string path, string? expected)
    {
        Assert.Equal(expected, UrlPath.Normalize(path));
    }

    [Fact]
    public void The_fast_path_of_Normalize_agrees_with_the_full_one()
    {
        Paths.Sample(path => Assert.Equal(UrlPath.NormalizeSlowly(path), UrlPath.Normalize(path)), iter: 5000);
        Paths.Select(p => "/" + p).Sample(path => Assert.Equal(UrlPath.NormalizeSlowly(path), UrlPath.Normalize(path)), iter: 5000);
    }

    [Fact]
    public void The_full_Normalize_agrees_with_splitting_and_joining_segments()
    {
        // NormalizeSlowly resolves segments in one buffer; this is the plain algorithm it must agree with.
        static string? Reference(string path)
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(path);
            }
            catch (UriFormatException)
            {
                return null;
            }
            var segments = new List<string>();
            var parts = decoded.Split('/');
            foreach (var part in parts)
            {
                if (part is "" or ".")
                {
                    continue;
                }
                if (part == "..")
                {
                    if (segments.Count == 0)
                    {
                        return null;
                    }
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                }
                segments.Add(part);
            }
            var trailing = segments.Count > 0 && (decoded.EndsWith('/') || parts[^1] is "." or "..") ? "/" : "";
            return "/" + string.Join('/', segments) + trailing;
        }

        Paths.Sample(path => Assert.Equal(Reference(path), UrlPath.NormalizeSlowly(path)), iter: 20000);
        Paths.Select(p => "/" + p).Sample(path => Assert.Equal(Reference(path), UrlPath.NormalizeSlowly(path)), iter: 20000);
        Assert.Equal("/a/c/", UrlPath.NormalizeSlowly("a/b/../c/."));
        Assert.Equal("/", UrlPath.NormalizeSlowly("a/.."));
    }

    [Theory]
    [InlineData("/a/b/", "/a/b")]
    [InlineData("/a/b/index.md", "/a/b")]
    [InlineData("/a/B.MDX", "/a/B")]
    [InlineData("/a/README.md", "/a")]
    [InlineData("/a/_index.html", "/a")]
    [InlineData("/index.md", "/")]
    [InlineData("/a/x.htm//", "/a/x")]
    [InlineData("/a/../..", null)]
    public void A_key_drops_the_trailing_slash_the_page_extension_and_index(string path, string? key)
    {
        Assert.Equal(key, UrlPath.Key(path));
    }

    [Fact]
    public void The_fast_path_of_HtmlEscape_Path_agrees_with_the_full_one()
    {
        Paths.Sample(path => Assert.Equal(HtmlEscape.PathSlowly(path), HtmlEscape.Path(path)), iter: 5000);
        Assert.Equal("/a%20b/%C3%A9%25", HtmlEscape.Path("/a b/é%"));
        Assert.Equal("/a-b_c/", HtmlEscape.Path("/a-b_c/"));
    }

    [Fact]
    public void The_fast_path_of_HtmlEscape_Url_agrees_with_the_full_one()
    {
        // Every printable ASCII character and a few others, so each side of the safe set is exercised.
        var chars = new string([.. Enumerable.Range(0x20, 0x60).Select(c => (char)c), 'é', '\t', '\u2028']);
        Gen.Char[chars].Array[0, 12].Select(c => new string(c)).Sample(url => Assert.Equal(HtmlEscape.UrlSlowly(url), HtmlEscape.Url(url)), iter: 20000);
        Assert.Equal("/a%20b/?q=1&amp;r=%22x%22#top", HtmlEscape.Url("/a b/?q=1&r=\"x\"#top"));
        Assert.Equal("/criteria/soc2-tsc-2017/cc6.1/", HtmlEscape.Url("/criteria/soc2-tsc-2017/cc6.1/"));
    }
}
