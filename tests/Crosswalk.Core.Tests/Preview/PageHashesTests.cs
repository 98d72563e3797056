using Crosswalk.Content;
using Crosswalk.Pipeline;
using Crosswalk.Preview.Incremental;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

public sealed class PageHashesTests
{
    private static ParsedPage Page(int i, string title) => Pages.Parse($"p{i}.md", $"---\ntitle: {title}\n---\nBody {i}.\n");

    private static (ulong Value, List<ParsedPage> Hashed) Sign(PageHashes hashes, IReadOnlyList<ParsedPage> pages)
    {
        var hashed = new List<ParsedPage>();
        var f = new Fnv();
        hashes.AddTo(f, pages, (p, h) =>
        {
            hashed.Add(p);
            h.Add(p.Title);
        });
        return (f.Value, hashed);
    }

    [Fact]
    public void An_edit_hashes_the_edited_page_and_gives_what_hashing_every_page_gives()
    {
        var pages = Enumerable.Range(0, 50).Select(i => Page(i, $"Page {i}")).ToArray();
        var hashes = new PageHashes();
        var (first, all) = Sign(hashes, pages);
        Assert.Equal(pages, all);

        var edited = pages.ToArray();
        edited[17] = Page(17, "Renamed");
        var (second, hashed) = Sign(hashes, edited);

        Assert.Equal([edited[17]], hashed);
        Assert.NotEqual(first, second);
        Assert.Equal(Sign(new PageHashes(), edited).Value, second);
    }

    [Fact]
    public void Pages_that_came_went_or_moved_are_hashed_again()
    {
        var pages = Enumerable.Range(0, 5).Select(i => Page(i, $"Page {i}")).ToList();
        var hashes = new PageHashes();
        Sign(hashes, pages);

        var swapped = new[] { pages[1], pages[0], pages[2], pages[3], pages[4] };
        var (value, hashed) = Sign(hashes, swapped);
        Assert.Equal([pages[1], pages[0]], hashed);
        Assert.Equal(Sign(new PageHashes(), swapped).Value, value);

        var fewer = pages.Take(4).ToList();
        Assert.Equal(fewer, Sign(hashes, fewer).Hashed);

        hashes.Clear();
        Assert.Equal(fewer, Sign(hashes, fewer).Hashed);
    }
}
