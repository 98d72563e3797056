using CsCheck;
using Crosswalk.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Crosswalk.Tests.Config;

public sealed class PlainYamlTests
{
    // Pieces of front matter, in and out of the subset the fast reader takes: it must give YamlDotNet's own events for
    // every text it takes, and leave the rest to YamlDotNet.
    private static Gen<string> Either(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Keys = Gen.Frequency(
        (8, Either("title", "nav_order", "satisfies", "a-b", "x_1", "9")),
        (1, Either("-k", "k.y")));

    private static readonly Gen<string> Scalars = Gen.Frequency(
        (8, Either("CC6.1", "2024-05-14", "a b", "x/y", "~", "true", "(x)", "\"q d\"", "'s q'", "\"\"", "''", "a  b  ",
            "$1 = 2;", "a,b", ". x", "-5", "\"a: b\"")),
        (1, Either("a: b", "a #b", "https://x.y/", "'it''s'", "\"a\\\"b\"", "[x]", "é", "a\tb", "&a x", "*a", "!t x", "|", "-",
            "- x", "{", ",a", ", b")));

    private static readonly Gen<string> FlowItems = Gen.Frequency((6, Scalars), (1, Either("[a]", "[]", "{k: v}")));

    private static readonly Gen<string> Flows = Gen.Frequency(
        (4, Gen.Select(FlowItems.Array[0, 4], Either(", ", ",", " , "), Gen.Bool,
            (items, sep, spaced) => spaced ? "[ " + string.Join(sep, items) + " ]" : "[" + string.Join(sep, items) + "]")),
        (4, Gen.Select(Gen.Select(Keys, Gen.OneOf(Scalars, Either("[A.5.1, CC1.1]", "[]")), (k, v) => k + ": " + v).Array[0, 3],
            items => "{ " + string.Join(", ", items) + " }")),
        (1, Either("{}", "{a:b}", "[a,]")));

    private static readonly Gen<string> Lines = Gen.Frequency(
        (8, Gen.Select(Keys, Gen.OneOf(Scalars, Flows), Either("", "  "), (k, v, trail) => $"{k}: {v}{trail}\n")),
        (3, Gen.Select(Keys, Gen.OneOf(Scalars, Flows).Array[1, 3], Either("  ", "    ", ""),
            (k, items, indent) => $"{k}:\n" + string.Concat(items.Select(i => $"{indent}- {i}\n")))),
        (3, Gen.Select(Keys, Gen.Select(Keys, Gen.OneOf(Scalars, Flows, Gen.Const("")), (k, v) => v.Length == 0 ? k + ":" : k + ": " + v).Array[1, 3],
            Either("  ", "   "), (k, entries, indent) => $"{k}:\n" + string.Concat(entries.Select(e => $"{indent}{e}\n")))),
        (2, Gen.Select(Keys, k => $"{k}:\n")),
        (2, Either("\n", "   \n")),
        (1, Gen.Select(Keys, k => $"{k}: \n")),
        (1, Either("# note\n", "a:\n  b:\n    c: d\n", "t: x\r\n", "  k: v\n")));

    [Fact]
    public void Every_text_it_reads_gives_the_events_of_YamlDotNet()
    {
        var taken = 0;
        Gen.Select(Lines.Array[1, 6], Gen.Bool, (lines, newline) => string.Concat(lines) is var text && !newline && text.EndsWith('\n') ? text[..^1] : text)
            .Sample(text =>
            {
                var events = PlainYaml.TryParse(text);
                if (events is null)
                {
                    return;
                }
                taken++;
                AssertSameEvents(text, events);
            }, iter: 20000);
        Assert.True(taken > 1000, $"only {taken} texts were in the subset: the generator no longer exercises it");
    }

    [Theory]
    [InlineData("title: \"Access Control Policy\"\nowner: security\nlast_reviewed: 2025-01-15\nsatisfies:\n  soc2-tsc-2017: [CC6.1, CC6.2]\n  iso27001-2022: [A.5.15]\nredirect_from:\n  - /old/access/\n")]
    [InlineData("title: \"Mobile Devices Guideline 19\"\nsummary: \"Production monitoring\"\nnav_order: 19\nowner: grc\nlast_reviewed: \"2024-05-14\"\nsatisfies: { soc2-tsc-2017: [CC8.1, CC1.4, CC4.1] }\n")]
    [InlineData("title: x\n\n\nlist:\n  - a\n\n  - b\n\n")]
    [InlineData("empty:\nnext: 1\n")]
    public void Typical_front_matter_is_read_with_the_events_of_YamlDotNet(string text)
    {
        var events = PlainYaml.TryParse(text);
        Assert.NotNull(events);
        AssertSameEvents(text, events);
    }

    [Theory]
    [InlineData("title: x # comment\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("body: |\n  text\n")]
    [InlineData("title: \"a\\tb\"\n")]
    [InlineData("title: café\n")]
    [InlineData("a:\n  b:\n    c: d\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: b")]
    [InlineData("a: ,a\n")]
    [InlineData("x:\n  - ,a\n")]
    [InlineData("9:\n  a-b: , a  \n")]
    public void Anything_else_is_left_to_YamlDotNet(string text) => Assert.Null(PlainYaml.TryParse(text));

    [Fact]
    public void Keys_longer_than_YamlDotNet_accepts_and_deep_flow_nesting_are_left_to_it()
    {
        AssertSameEvents(new string('k', 1024) + ": v\n", PlainYaml.TryParse(new string('k', 1024) + ": v\n")!);
        Assert.Null(PlainYaml.TryParse(new string('k', 1025) + ": v\n"));
        Assert.Null(PlainYaml.TryParse("a:\n  " + new string('k', 1025) + ": v\n"));
        Assert.Null(PlainYaml.TryParse("a: " + new string('[', 100_000) + new string(']', 100_000) + "\n"));
    }

    private static void AssertSameEvents(string text, IReadOnlyList<ParsingEvent> events)
    {
        var expected = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                expected.Add(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            Assert.Fail($"YamlDotNet refuses a text the fast reader took ({ex.Message}):\n{text}");
        }
        Assert.True(Describe(expected) == Describe(events), $"events differ for:\n{text}\nYamlDotNet:\n{Describe(expected)}\nfast reader:\n{Describe(events)}");
    }

    private static string Describe(IEnumerable<ParsingEvent> events) => string.Join("\n", events.Select(e =>
        $"{e.GetType().Name} {e.Start.Index},{e.Start.Line},{e.Start.Column}-{e.End.Index},{e.End.Line},{e.End.Column} " + e switch
        {
            Scalar s => $"'{s.Value}' {s.Style} {s.IsPlainImplicit} {s.IsQuotedImplicit} {s.IsKey} {s.Anchor} {s.Tag}",
            MappingStart m => $"{m.Style} {m.IsImplicit} {m.Anchor} {m.Tag}",
            SequenceStart q => $"{q.Style} {q.IsImplicit} {q.Anchor} {q.Tag}",
            DocumentStart d => $"{d.IsImplicit} {d.Version} {string.Join(" ", d.Tags?.Select(t => t.Handle + "=" + t.Prefix) ?? [])}",
            DocumentEnd d => $"{d.IsImplicit}",
            _ => "",
        }));
}
