using System.Globalization;
using System.Text;
using System.Text.Json;
using Crosswalk.Markdown;

namespace Crosswalk.Tests.Markdown;

public sealed class GitHubSluggerTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "100-slugs");

    private static readonly Lazy<IReadOnlyDictionary<string, CorpusRun>> Corpus = new(LoadCorpus);

    [Theory]
    [InlineData("Hello World", "hello-world")]
    [InlineData("bravoCharlieDelta", "bravocharliedelta")]
    [InlineData("heading with a - dash", "heading-with-a---dash")]
    [InlineData("a  b", "a--b")]
    [InlineData(" a ", "-a-")]
    [InlineData("snake_case __init__", "snake_case-__init__")]
    [InlineData("`foo()` bar", "foo-bar")]
    [InlineData("exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback")]
    [InlineData("Tom & Jerry <b>", "tom--jerry-b")]
    [InlineData("apostrophe\u2019s \"quoted\"", "apostrophes-quoted")]
    [InlineData("en\u2013dash em\u2014dash", "endash-emdash")]
    [InlineData("\U0001F604 unicode emoji", "-unicode-emoji")]
    [InlineData("family \U0001F468\u200D\U0001F469\u200D\U0001F467", "family-")]
    [InlineData("non\u00A0breaking\ttab", "nonbreakingtab")]
    [InlineData("Привет non-latin 你好", "привет-non-latin-你好")]
    [InlineData("Καλημέρα Κόσμε", "καλημέρα-κόσμε")]
    [InlineData("ΟΔΗΓΟΣ ΧΡΗΣΗΣ", "οδηγος-χρησης")]
    [InlineData("हिन्दी भाषा", "हिन्दी-भाषा")]
    [InlineData("Cafe\u0301 Café", "cafe\u0301-café")]
    [InlineData("İstanbul", "i\u0307stanbul")]
    [InlineData("الفصل ١٢٣", "الفصل-١٢٣")]
    [InlineData("x² ½ Ⅻ", "x--ⅻ")]
    [InlineData("𝒜𝒷𝒸 𐐀", "𝒜𝒷𝒸-𐐨")]
    [InlineData("CJK ext H \U00031350", "cjk-ext-h-")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Slugify_follows_github_slugger_rules(string text, string expected)
    {
        Assert.Equal(expected, GitHubSlugger.Slugify(text));
    }

    [Fact]
    public void Slug_numbers_repeats_and_avoids_ids_produced_literally()
    {
        var slugger = new GitHubSlugger();

        Assert.Equal("a", slugger.Slug("a"));
        Assert.Equal("a-1", slugger.Slug("a"));
        Assert.Equal("a-1-1", slugger.Slug("a-1"));
        Assert.Equal("a-2", slugger.Slug("A"));
    }

    [Fact]
    public void Slug_skips_a_numbered_candidate_that_was_already_produced()
    {
        var slugger = new GitHubSlugger();

        Assert.Equal("foxtrot-1", slugger.Slug("foxtrot-1"));
        Assert.Equal("foxtrot", slugger.Slug("foxtrot"));
        Assert.Equal("foxtrot-2", slugger.Slug("foxtrot"));
    }

    [Fact]
    public void Slug_deduplicates_empty_slugs()
    {
        var slugger = new GitHubSlugger();

        Assert.Equal(string.Empty, slugger.Slug("!!!"));
        Assert.Equal("-1", slugger.Slug("???"));
    }

    [Fact]
    public void Reserve_makes_later_slugs_avoid_the_id()
    {
        var slugger = new GitHubSlugger();

        Assert.True(slugger.Reserve("intro"));
        Assert.Equal("intro-1", slugger.Slug("Intro"));
        Assert.False(slugger.Reserve("intro-1"));
        Assert.False(slugger.Reserve("intro"));
        Assert.True(slugger.Reserve("Custom Id"));
        Assert.Equal("custom-id", slugger.Slug("Custom Id"));
    }

    [Fact]
    public void Reset_forgets_slugs_and_reservations()
    {
        var slugger = new GitHubSlugger();
        slugger.Slug("setup");
        slugger.Reserve("usage");

        slugger.Reset();

        Assert.Equal("setup", slugger.Slug("setup"));
        Assert.Equal("usage", slugger.Slug("usage"));
    }

    [Fact]
    public void Slugify_returns_the_input_itself_when_it_is_already_a_slug()
    {
        var text = new string("already-a_slug-42".AsSpan());

        Assert.Same(text, GitHubSlugger.Slugify(text));
    }

    [Fact]
    public void Slugify_handles_inputs_longer_than_the_stack_buffer()
    {
        var text = string.Concat(Enumerable.Repeat("İΣ Ab\U0001F600", 200)) + "ΑΣ";
        var expected = string.Concat(Enumerable.Repeat("i\u0307ς-ab", 200)) + "ας";

        Assert.Equal(expected, GitHubSlugger.Slugify(text));
    }

    /// <summary>Lone surrogates are kept as they are, like JavaScript does (expected values from node; JSON cannot carry them).</summary>
    [Fact]
    public void Slugify_keeps_lone_surrogates()
    {
        Assert.Equal("a\uD800b", GitHubSlugger.Slugify("a\uD800b"));
        Assert.Equal("a\uDC00b", GitHubSlugger.Slugify("a\uDC00b"));
        Assert.Equal("a\uDC00\uD800b", GitHubSlugger.Slugify("a\uDC00\uD800b"));
        Assert.Equal("α\uD800σ", GitHubSlugger.Slugify("Α\uD800Σ"));
        Assert.Equal("ας\uDC00", GitHubSlugger.Slugify("ΑΣ\uDC00"));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var slugger = new GitHubSlugger();

        Assert.Throws<ArgumentNullException>(() => GitHubSlugger.Slugify(null!));
        Assert.Throws<ArgumentNullException>(() => slugger.Slug(null!));
        Assert.Throws<ArgumentNullException>(() => slugger.Reserve(null!));
    }

    public static TheoryData<string> CorpusRunNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Each run of corpus.json (generated with github-slugger 2.0.0 under node) through one fresh slugger.</summary>
    [Theory]
    [MemberData(nameof(CorpusRunNames))]
    public void Matches_github_slugger_corpus(string runName)
    {
        var run = Corpus.Value[runName];
        var slugger = new GitHubSlugger();
        foreach (var @case in run.Cases)
        {
            Assert.Equal(@case.Slugify, GitHubSlugger.Slugify(@case.Input));
            Assert.Equal(@case.Slug, slugger.Slug(@case.Input));
        }
    }

    /// <summary>codepoints.txt holds github-slugger's slug of every Unicode scalar value on its own, run-length encoded.</summary>
    [Fact]
    public void Matches_github_slugger_for_every_code_point()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var line in File.ReadLines(Path.Combine(DataDirectory, "codepoints.txt")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            var first = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var rule = parts[2];
            for (var cp = first; cp <= last; cp++)
            {
                if (!Rune.IsValid(cp))
                {
                    continue;
                }

                var expected = ExpectedFor(cp, rule);
                var actual = GitHubSlugger.Slugify(char.ConvertFromUtf32(cp));
                checkedCount++;
                if (actual != expected && failures.Count < 20)
                {
                    failures.Add($"U+{cp:X4}: expected \"{expected}\", got \"{actual}\"");
                }
            }
        }

        Assert.Equal(0x110000 - 0x800, checkedCount);
        Assert.Empty(failures);
    }

    private static string ExpectedFor(int cp, string rule)
    {
        if (rule == "drop")
        {
            return string.Empty;
        }

        if (rule[0] == '=')
        {
            var builder = new StringBuilder();
            foreach (var hex in rule[1..].Split(','))
            {
                builder.Append(char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            return builder.ToString();
        }

        var delta = int.Parse(rule.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return char.ConvertFromUtf32(rule[0] == '-' ? cp - delta : cp + delta);
    }

    private static IReadOnlyDictionary<string, CorpusRun> LoadCorpus()
    {
        var json = File.ReadAllText(Path.Combine(DataDirectory, "corpus.json"));
        var corpus = JsonSerializer.Deserialize<CorpusFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("corpus.json is empty");
        return corpus.Runs.ToDictionary(run => run.Name, StringComparer.Ordinal);
    }

    private sealed record CorpusFile(string Generator, IReadOnlyList<CorpusRun> Runs);

    private sealed record CorpusRun(string Name, IReadOnlyList<CorpusCase> Cases);

    private sealed record CorpusCase(string Input, string Slug, string Slugify);
}
