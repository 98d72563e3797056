using System.Buffers;
using System.Text;
using Crosswalk.Output;

namespace Crosswalk.Tests.Output;

public sealed class RelativeUrlsTests
{
    private static string Rewrite(string baseUrl, string url, string html)
    {
        var output = new ArrayBufferWriter<byte>();
        new RelativeUrls(baseUrl).Rewrite(Encoding.UTF8.GetBytes(html), url, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Theory]
    [InlineData("/", "/", "<a href=\"/a/b/\">", "<a href=\"./a/b/\">")]
    [InlineData("/", "/x/", "<a href=\"/a/b/#c\">", "<a href=\"../a/b/#c\">")]
    [InlineData("/", "/x/y/", "<a href=\"/\">", "<a href=\"../../\">")]
    [InlineData("/", "/x/y.html", "<img src=\"/i.png\">", "<img src=\"../i.png\">")]
    [InlineData("/docs/", "/x/y/", "<link rel=\"stylesheet\" href=\"/docs/assets/c.css\">", "<link rel=\"stylesheet\" href=\"../../assets/c.css\">")]
    [InlineData("/docs/", "/", "<a class=\"k\" href='/docs/p/'>", "<a class=\"k\" href='./p/'>")]
    [InlineData("/", "/x/", "<A HREF = \"/p/\">", "<A HREF = \"../p/\">")]
    [InlineData("/", "/x/", "<video poster=\"/v.png\"></video><form action=\"/f/\">", "<video poster=\"../v.png\"></video><form action=\"../f/\">")]
    // A '>' or the other quote inside a quoted value does not end the tag.
    [InlineData("/", "/x/", "<a title=\"a > b's\" href=\"/p/\">t</a><img alt='\"q\" >' src='/i.png'>", "<a title=\"a > b's\" href=\"../p/\">t</a><img alt='\"q\" >' src='../i.png'>")]
    public void Site_urls_in_url_attributes_become_relative_to_the_page(string baseUrl, string url, string html, string expected) =>
        Assert.Equal(expected, Rewrite(baseUrl, url, html));

    [Theory]
    // Another site, protocol-relative, same page, mailto: untouched.
    [InlineData("/", "<a href=\"https://example.com/a/\"><a href=\"//cdn.example.com/x\"><a href=\"#top\"><a href=\"mailto:a@b\">")]
    // Outside base_url: a path another app serves.
    [InlineData("/docs/", "<a href=\"/api/\"><a href=\"/docs\">")]
    // Not a URL attribute: data-href, xhref, title, content; not in an attribute at all.
    [InlineData("/", "<a data-href=\"/a/\" xhref=\"/b/\" title=\"/c/\"><meta content=\"/d/\"><p>x=\"/e/\"</p>")]
    // A tag whose quote never closes runs to the end of the page: nothing after it is read as a tag.
    [InlineData("/", "<a title=\"open <a href=\"/p/\">")]
    // Unquoted values are left as they are (still correct on a server).
    [InlineData("/", "<a href=/a/>")]
    // Code samples and prose: Markdig escapes '"' in text but not "'".
    [InlineData("/docs/", "<p><code>&lt;img src='/docs/x.png'&gt;</code> set href='/docs/prose'</p>")]
    [InlineData("/docs/", "<pre><code class=\"language-html\"><a href='/docs/a/'>raw</a>\n</code></pre>")]
    [InlineData("/", "<script>a.href = '/x/'; b = \"<a href='/y/'>\";</script><style>a[href='/z/'] { }</style><!-- <a href=\"/c/\"> -->")]
    // Text inside another attribute's value is not an attribute.
    [InlineData("/", "<a title='see href=\"/a/\"' data-x=\"src='/b/'\">")]
    public void Other_urls_and_other_text_are_left_alone(string baseUrl, string html) =>
        Assert.Equal(html, Rewrite(baseUrl, "/x/", html));

    [Fact]
    public void After_code_and_scripts_the_tags_that_follow_are_rewritten_again()
    {
        var html = "<pre><code><a href='/docs/a/'></code></pre><a href=\"/docs/b/\"><script src=\"/docs/s.js\">x='/docs/'</script><img src=\"/docs/i.png\">";

        Assert.Equal("<pre><code><a href='/docs/a/'></code></pre><a href=\"../b/\"><script src=\"../s.js\">x='/docs/'</script><img src=\"../i.png\">",
            Rewrite("/docs/", "/p/", html));
    }

    [Theory]
    // base_url as pages print it: percent-encoded, and '&' escaped in attributes.
    [InlineData("/my docs/", "<a href=\"/my%20docs/a/\">", "<a href=\"../a/\">")]
    [InlineData("/\u00fcber/", "<a href=\"/%C3%BCber/a/\">", "<a href=\"../a/\">")]
    [InlineData("/a&b/", "<a href=\"/a%26b/x/\"><a href=\"/a&amp;b/\">", "<a href=\"../x/\"><a href=\"../\">")]
    public void A_base_url_that_needs_encoding_is_found_as_pages_print_it(string baseUrl, string html, string expected) =>
        Assert.Equal(expected, Rewrite(baseUrl, "/p/", html));

    [Fact]
    public void Every_url_of_a_page_is_rewritten_and_the_text_between_kept_byte_for_byte()
    {
        var html = "<p>\u00fcber</p>" + string.Concat(Enumerable.Range(0, 50).Select(i => $"<a href=\"/p{i}/\">p{i} = \u2713</a>"));

        var result = Rewrite("/", "/a/b/c/", html);

        Assert.Equal(html.Replace("href=\"/", "href=\"../../../"), result);
    }
}
