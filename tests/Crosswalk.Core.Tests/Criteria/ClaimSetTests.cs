using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

public sealed class ClaimSetTests
{
    private static readonly Catalog Soc2 = CatalogSet.Load(["soc2-tsc-2017"], "/", new DiagnosticBag()).Get("soc2-tsc-2017")!;

    private static ParsedPage Page(int i, string title) => Pages.Parse($"p{i}.md", $"---\ntitle: {title}\n---\nBody {i}.\n");

    // Claims written on `holder`: each names a page (by index into `pages`) and a criterion.
    private static List<Claim> Held(ParsedPage holder, IReadOnlyList<ParsedPage> pages, IEnumerable<(int Page, int Criterion)> claims) =>
        claims.Select((c, n) => new Claim(pages[c.Page], Soc2.Criteria[c.Criterion], new SourceLocation(holder.Source.DisplayPath, n + 1, 1), holder, n % 2 == 0 ? null : $"cw-row-{n}"))
            .ToList();

    private static void AssertSameIndex(ClaimSet expected, ClaimSet actual, IEnumerable<ParsedPage> pages)
    {
        Assert.Equal(expected.All, actual.All);
        Assert.Equal(expected.Holders, actual.Holders);
        foreach (var page in pages)
        {
            Assert.Equal(expected.Of(page), actual.Of(page));
            Assert.Equal(expected.HeldBy(page), actual.HeldBy(page));
        }
        foreach (var criterion in Soc2.Criteria)
        {
            Assert.Equal(expected.Direct(criterion), actual.Direct(criterion));
            Assert.Equal(expected.Covering(criterion), actual.Covering(criterion));
            Assert.Equal(expected.PagesCovering(criterion), actual.PagesCovering(criterion));
        }
    }

    [Fact]
    public void Updating_after_random_edits_indexes_exactly_as_building_afresh()
    {
        var random = new Random(7);
        var (pages, held) = RandomSite(random);
        var set = ClaimSet.FromHolders(pages, p => held[p]);

        for (var step = 0; step < 200; step++)
        {
            var everSeen = new List<ParsedPage>(pages);
            // An edit: one or two pages parsed again (new objects at the same place), or only their claims changed;
            // claims other pages make for a re-parsed page are pointed at its new parse, as the preview does.
            foreach (var at in Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(pages.Count)).Distinct())
            {
                var old = pages[at];
                if (random.Next(2) == 0)
                {
                    var now = Page(at, $"Page {random.Next(5)}");
                    pages[at] = now;
                    held.Remove(old);
                    foreach (var other in held.Keys.ToList())
                    {
                        if (held[other].Any(c => c.Page == old))
                        {
                            held[other] = held[other].Select(c => c.Page == old ? c with { Page = now } : c).ToList();
                        }
                    }
                    old = now;
                }
                held[old] = Held(old, pages, RandomClaims(random, pages.Count));
            }

            var updated = set.Update(pages, p => held[p]);

            Assert.Same(set, updated);
            AssertSameIndex(ClaimSet.FromHolders(pages, p => held[p]), updated!, everSeen.Concat(pages));
        }
    }

    [Fact]
    public void A_trimmed_set_indexes_as_before_and_still_updates()
    {
        var (pages, held) = RandomSite(new Random(11));
        var set = ClaimSet.FromHolders(pages, p => held[p]);

        set.TrimExcess();

        AssertSameIndex(ClaimSet.FromHolders(pages, p => held[p]), set, pages);
        held[pages[3]] = Held(pages[3], pages, [(0, 1), (5, 2), (7, 3), (7, 4)]);
        var updated = set.Update(pages, p => held[p]);
        Assert.Same(set, updated);
        AssertSameIndex(ClaimSet.FromHolders(pages, p => held[p]), updated!, pages);
    }

    // Twelve pages, titles drawn from five (so title ranks tie), each holding a few random claims.
    private static (List<ParsedPage> Pages, Dictionary<ParsedPage, IReadOnlyList<Claim>> Held) RandomSite(Random random)
    {
        var pages = Enumerable.Range(0, 12).Select(i => Page(i, $"Page {random.Next(5)}")).ToList();
        return (pages, pages.ToDictionary(p => p, p => (IReadOnlyList<Claim>)Held(p, pages, RandomClaims(random, pages.Count))));
    }

    private static IEnumerable<(int, int)> RandomClaims(Random random, int pageCount) =>
        Enumerable.Range(0, random.Next(0, 5)).Select(_ => (random.Next(pageCount), random.Next(6))).ToList();

    [Fact]
    public void An_unchanged_site_keeps_the_set_and_other_holders_are_refused()
    {
        var pages = Enumerable.Range(0, 3).Select(i => Page(i, $"P{i}")).ToList();
        var held = pages.ToDictionary(p => p, p => (IReadOnlyList<Claim>)Held(p, pages, [(0, 1)]));
        var set = ClaimSet.FromHolders(pages, p => held[p]);

        Assert.Same(set, set.Update(pages, p => held[p]));
        Assert.Null(set.Update(pages.Take(2).ToList(), p => held[p]));
        Assert.Null(set.Update(pages, p => [], maxChanged: 2));
        Assert.Null(new ClaimSet(held.Values.SelectMany(c => c)).Update(pages, p => held[p]));
        // A refused update changes nothing.
        AssertSameIndex(ClaimSet.FromHolders(pages, p => held[p]), set, pages);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void The_first_pages_covering_a_criterion_are_those_of_the_whole_sorted_list(int seed)
    {
        // Titles repeat (equal ranks, ordered by URL) and groups hold claims, so some criteria are covered by most pages.
        var random = new Random(seed);
        var pages = Enumerable.Range(0, 40).Select(i => Page(i, $"Page {random.Next(6)}")).ToList();
        var claims = Held(pages[0], pages, Enumerable.Range(0, 150).Select(_ => (random.Next(pages.Count), random.Next(12))).ToList());
        var set = new ClaimSet(claims);

        foreach (var criterion in Soc2.Criteria)
        {
            var all = set.PagesCovering(criterion);
            foreach (var count in new[] { 0, 1, 3, 8, 50 })
            {
                var (covering, first) = set.FirstPagesCovering(criterion, count);
                Assert.Equal(all.Count, covering);
                Assert.Equal(all.Take(count), first);
            }
        }
        Assert.Contains(Soc2.Criteria, c => set.PagesCovering(c).Count > 8);
    }
}
