using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Content;

public sealed class SourceReaderTests
{
    private static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        using var site = new TempSite(("content/page.md", text));
        var bag = new DiagnosticBag();
        var read = SourceReader.Read(new SourceFile(site.PathOf("content/page.md"), "page.md", "content/page.md", SourceKind.Page), bag);
        return (read, bag.ToSortedList());
    }

    public static TheoryData<string, int> TooDeep => new()
    {
        // 65 tabs are 260 columns; 256 are allowed.
        { "# T\n\ntext\n" + new string('\t', 65) + "x\n", 4 },
        { "a\r\n" + new string('>', 33) + "x\r\n", 2 },
        { string.Concat(Enumerable.Repeat("> ", 33)) + "x", 1 },
        { "a\n" + new string(' ', 257) + "b\n", 2 },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_line_nested_too_deeply_is_refused_at_its_line(string text, int line)
    {
        var (read, diagnostics) = Read(text);

        Assert.Null(read);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticDescriptors.UnprocessablePage.Code, d.Code);
        Assert.Equal(line, d.Location?.Line);
    }

    public static TheoryData<string> Readable => new()
    {
        "text" + new string(' ', 1000) + "end\n",
        new string('>', 32) + " thirty-two quotes are allowed\n\n" + new string(' ', 256) + "code\n",
        "",
        "no line break at the end",
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Deep_text_after_a_line_starts_or_nesting_within_the_limits_is_read(string text)
    {
        var (read, diagnostics) = Read(text);

        Assert.Equal(text, read);
        Assert.Empty(diagnostics);
    }
}
