using Crosswalk.Diagnostics;
using Crosswalk.Links;

namespace Crosswalk.Tests.Diagnostics;

public sealed class DidYouMeanTests
{
    [Fact]
    public void Help_names_one_two_or_three_suggestions_in_one_format()
    {
        Assert.Null(DidYouMean.Help([]));
        Assert.Equal("did you mean 'A'?", DidYouMean.Help(["A"]));
        Assert.Equal("did you mean 'A' or 'B'?", DidYouMean.Help(["A", "B"]));
        Assert.Equal("did you mean 'A', 'B' or 'C'?", DidYouMean.Help(["A", "B", "C"]));
    }

    [Theory]
    [InlineData("CC7.9", 1)]
    [InlineData("A.9.1.9", 2)]
    [InlineData("ab", 1)]
    [InlineData("/compliance/incident-responce", 9)]
    public void A_candidate_is_near_within_a_third_of_the_input_length_and_at_least_one_edit(string input, int expected)
        => Assert.Equal(expected, DidYouMean.MaxDistance(input));

    [Fact]
    public void Only_the_nearest_candidates_are_suggested()
    {
        // 'CC6.1' is one edit away; CC6.2 .. CC6.9 are two, which 6 characters would allow, but they are not the nearest.
        string[] ids = ["CC6.2", "CC6.1", "CC6.3", "CC6.9"];

        Assert.Equal(["CC6.1"], DidYouMean.Closest("CC6.10", ids));
    }

    [Fact]
    public void Equally_near_candidates_keep_their_order_unless_ranked()
    {
        string[] words = ["hat", "dog", "bat", "cart", "cut"];

        Assert.Equal(["hat", "bat", "cart"], DidYouMean.Closest("cat", words));
        Assert.Equal(["bat", "cart", "cut"], DidYouMean.Closest("cat", words, w => w, ranking: StringComparer.Ordinal));
    }

    [Fact]
    public void Case_is_ignored_and_a_text_is_named_once()
        => Assert.Equal(["install"], DidYouMean.Closest("INSTAL", ["install", "instill", "install"]));

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    public void Nothing_far_empty_or_too_long_gets_a_suggestion(string input)
    {
        Assert.Empty(DidYouMean.Closest(input, ["abc", "xyz"]));
        var tooLong = new string('a', DidYouMean.MaxInputLength + 1);
        Assert.Empty(DidYouMean.Closest(tooLong, [tooLong + "b"]));
        Assert.Empty(DidYouMean.Closest("abc", ["abd"], max: 0));
    }

    [Fact]
    public void Urls_ignore_a_trailing_slash_and_rank_ties_in_ordinal_order()
    {
        // Both are one edit from '/a/bx' once the trailing '/' is ignored; ordinal order decides.
        Assert.Equal(["/a/by/", "/a/bz/"], SiteIndex.ClosestUrls("/a/bx", ["/a/bz/", "/a/by/"], 3));
    }

    [Theory]
    [InlineData("hooks", new[] { "hooks-gateway-webhooks", "webhooks", "hooks-cron" }, new[] { "hooks-cron", "hooks-gateway-webhooks" })]
    [InlineData("install-setup", new[] { "setup", "setup-and-install", "installing" }, new[] { "setup-and-install" })]
    [InlineData("setup", new[] { "setup-and-install" }, new[] { "setup-and-install" })]
    [InlineData("hook", new[] { "hooks-cron" }, new string[0])]
    [InlineData("docs-x", new[] { "docs-intro" }, new string[0])]
    public void Without_a_near_candidate_a_prefix_or_all_words_match(string input, string[] candidates, string[] expected) =>
        Assert.Equal(expected, DidYouMean.ClosestOrRelated(input, candidates, c => c));

    [Fact]
    public void A_near_candidate_wins_over_related_ones() =>
        Assert.Equal(["hooks"], DidYouMean.ClosestOrRelated("hook", ["hooks", "hook-gateway"], c => c));
}
