using Crosswalk.Criteria;
using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Crosswalk.Preview.Incremental;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

/// <summary>
/// The preview keeps how many pages each criterion's claims take while the claims are the same; an edit that changes a
/// claim counts them again, so a criterion's second page of claims comes and goes with the 501st claiming document.
/// </summary>
public sealed class CriterionPageCountsTests
{
    private const string SecondPage = "criteria/acme/x1/page/2/index.html";

    [Fact]
    public void The_counts_are_kept_for_the_same_claims_signature_and_started_anew_for_another()
    {
        var counts = new CriterionPageCounts();
        var criterion = new Catalog("acme", "Acme", "acme.yaml", null).Add("X1", "First", "criterion", null);

        var first = counts.For(17);
        first[criterion] = 2;

        Assert.Same(first, counts.For(17));
        var other = counts.For(18);
        Assert.NotSame(first, other);
        Assert.Empty(other);
        Assert.NotSame(first, counts.For(17));
    }

    [Fact]
    public void A_claim_dropped_or_added_by_an_edit_changes_the_criterions_pages_of_claims()
    {
        // One more claiming document than a page lists: the criterion has a second page of claims.
        var files = new List<(string, string)>
        {
            ("site.yml", "title: P\nrelative_urls: false\ncatalogs: [acme.yaml]\nseverity: { CW2005: off, CW5002: off, CW5001: off }\n"),
            ("acme.yaml", "catalog:\n  id: acme\ncriteria:\n  - { id: X1, title: First }\n"),
            ("content/index.md", "# Home\n"),
        };
        for (var i = 0; i <= CriteriaPages.DocumentsPerPage; i++)
        {
            files.Add(($"content/d{i:000}.md", Claiming(i, "Text.")));
        }
        using var site = new TempSite([.. files]);
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        Assert.True(preview.TryGetFile(SecondPage, out _));

        // A body edit keeps every claim: the kept count still gives the second page.
        site.Touch("content/d000.md", Claiming(0, "Edited text."));
        preview.Rebuild([site.PathOf("content/d000.md")]);
        Assert.True(preview.TryGetFile(SecondPage, out _));
        Assert.Contains("Edited text.", preview.Text("d000/index.html"));

        // The claim dropped: 500 documents fit on one page, and the criterion page no longer links a second.
        site.Touch("content/d000.md", "---\ntitle: D0\n---\nEdited text.\n");
        preview.Rebuild([site.PathOf("content/d000.md")]);
        Assert.False(preview.TryGetFile(SecondPage, out _));
        Assert.DoesNotContain("page/2/", preview.Text("criteria/acme/x1/index.html"));

        // And back.
        site.Touch("content/d000.md", Claiming(0, "Text again."));
        preview.Rebuild([site.PathOf("content/d000.md")]);
        Assert.True(preview.TryGetFile(SecondPage, out _));
        Assert.Contains("page/2/", preview.Text("criteria/acme/x1/index.html"));
    }

    private static string Claiming(int i, string body) => $"---\ntitle: D{i}\nsatisfies: {{ acme: [X1] }}\n---\n{body}\n";
}
