using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

public sealed class DeferredScriptsTests
{
    private const string Head = "<!doctype html><html><head><title>T</title><script src=\"a.js\" defer></script></head>";

    // The page after taking, and what was taken.
    private static (string Body, string Taken) Take(string body)
    {
        var (html, taken) = DeferredScripts.Take(Head + body, Head.Length);
        Assert.StartsWith(Head, html);
        return (html[Head.Length..], taken);
    }

    [Fact]
    public void The_bodys_deferred_scripts_are_taken_in_their_order_and_made_render_blocking()
    {
        var (body, taken) = Take("<body><header><script src=\"../assets/search.js\" defer></script></header><p>x</p>" +
                                 "<SCRIPT DEFER SRC=/assets/two.js></SCRIPT><script defer src='three.js?x=1' data-x=\"a>b\"></script></body></html>");

        Assert.Equal("<body><header></header><p>x</p></body></html>", body);
        Assert.Equal("<script src=\"../assets/search.js\" defer blocking=\"render\"></script>" +
                     "<SCRIPT DEFER SRC=/assets/two.js blocking=\"render\"></script>" +
                     "<script defer src='three.js?x=1' data-x=\"a>b\" blocking=\"render\"></script>", taken);
    }

    [Theory]
    // Not deferred, or not run after the parse at all: left where they are, and the next deferred one is still taken.
    [InlineData("<script src=\"sync.js\"></script>")]
    [InlineData("<script src=\"b.js\" defer async></script>")]
    [InlineData("<script type=\"module\" src=\"m.js\" async></script>")]
    [InlineData("<script defer>inline();</script>")]
    [InlineData("<script type=\"application/ld+json\">{\"a\": \"<script src=x.js defer></script>\"}</script>")]
    // A tag that is not one: in a comment, a template, the text of a raw-text element, an attribute value, SVG.
    [InlineData("<!-- <script src=\"b.js\" defer></script> -->")]
    [InlineData("<template><script src=\"b.js\" defer></script></template>")]
    [InlineData("<textarea><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<noscript><script src=\"b.js\" defer></script></noscript>")]
    [InlineData("<style>/* <script src=\"b.js\" defer></script> */</style>")]
    [InlineData("<div title='<script src=\"b.js\" defer></script>'>x</div>")]
    [InlineData("<div title = \"<script src='b.js' defer></script>\">x</div>")]
    // Where the browser's tokenizer reads no script tag: a bogus comment, comments that end early, an attribute name
    // that starts with '=', an end tag followed by a non-breaking space (no end tag), HTML that ends SVG.
    [InlineData("</ <script src=\"b.js\" defer></script>")]
    [InlineData("<!--><textarea>--><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<!---><textarea>--><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<!-- a --!><textarea><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<p =\"><textarea>\"><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<p b=\"x\"=\"><textarea>\"><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<textarea></textarea\u00A0><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<svg><p></p><textarea></svg><script src=\"b.js\" defer></script></textarea>")]
    [InlineData("<svg><title>Icon</title><path d=\"M0 0\"/></svg>")]
    public void Anything_else_stays_and_does_not_stop_the_next(string before)
    {
        const string last = "<script src=\"last.js\" defer></script>";

        var (body, taken) = Take("<body>" + before + last + "</body>");

        Assert.Equal("<body>" + before + "</body>", body);
        Assert.Equal("<script src=\"last.js\" defer blocking=\"render\"></script>", taken);
    }

    [Theory]
    // Run after the parse but not movable without changing the order: a module, another host's file (which could keep
    // the page blank while it loads), one that blocks on its own, one with text inside.
    [InlineData("<script type=\"module\" src=\"m.js\"></script>")]
    [InlineData("<script type=module>import './m.js';</script>")]
    [InlineData("<script src=\"https://cdn.example.com/lib.js\" defer></script>")]
    [InlineData("<script src=\"//cdn.example.com/lib.js\" defer></script>")]
    [InlineData("<script src=\"b.js\" defer blocking=\"render\"></script>")]
    [InlineData("<script src=\"b.js\" defer nomodule></script>")]
    [InlineData("<script src=\"b.js\" defer>text</script>")]
    [InlineData("<script src=\"/\\cdn.example.com/lib.js\" defer></script>")]
    // A type that may be JavaScript (application/x-javascript, text/ecmascript, ...) or a data block: not told apart.
    [InlineData("<script type=\"application/x-javascript\" src=\"b.js\" defer></script>")]
    [InlineData("<script type=\"text/plain\" src=\"b.js\" defer></script>")]
    // Scripts in SVG or MathML (HTML again in foreignObject) are not read: the order with them is unknown.
    [InlineData("<svg><foreignObject><script type=module src=m.js></script></foreignObject></svg>")]
    [InlineData("<svg><script href=\"b.js\" defer></script></svg>")]
    [InlineData("<svg width=10/><script src=\"b.js\" defer></script></svg>")]
    // Escaped script text: "<!--<script" keeps the next "</script>" inside the text.
    [InlineData("<script type=\"text/html\"><!--<script></script><script src=\"b.js\" defer></script>--></script>")]
    public void The_first_that_cannot_move_stops_the_taking_so_the_order_stays(string stop)
    {
        const string first = "<script src=\"first.js\" defer></script>";
        const string last = "<script src=\"last.js\" defer></script>";

        var (body, taken) = Take("<body>" + first + stop + last + "</body>");

        Assert.Equal("<body>" + stop + last + "</body>", body);
        Assert.Equal("<script src=\"first.js\" defer blocking=\"render\"></script>", taken);
    }

    [Theory]
    [InlineData("<!doctype html><html><head><base href=\"/docs/\"></head><body><script src=\"b.js\" defer></script></body></html>")]
    [InlineData("<!doctype html><html><head></head><body><script src=\"b.js\" defer></script")]
    [InlineData("<!doctype html><html><head></head><body><script src=\"b.js\" defer")]
    [InlineData("<!doctype html><html><head></head><body><plaintext><script src=\"b.js\" defer></script></body></html>")]
    public void A_page_with_a_base_or_cut_short_keeps_its_scripts(string html)
    {
        var head = html.IndexOf("</head>", StringComparison.Ordinal) + "</head>".Length;

        Assert.Equal((html, ""), DeferredScripts.Take(html, head));
    }

    [Fact]
    public void The_head_is_not_looked_at()
    {
        var (html, taken) = DeferredScripts.Take(Head + "<body></body>", Head.Length);

        Assert.Equal(Head + "<body></body>", html);
        Assert.Equal("", taken);
    }
}
