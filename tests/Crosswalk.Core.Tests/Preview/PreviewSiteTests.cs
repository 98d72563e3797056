using System.Text;
using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

public sealed class PreviewSiteTests
{
    private static TempSite Site()
    {
        var files = new List<(string, string)> { ("site.yml", "title: Preview\n"), ("content/index.md", "# Home\n\n[a](a.md)\n") };
        for (var i = 0; i < 20; i++)
        {
            files.Add(($"content/p{i:00}.md", $"---\ntitle: Page {i}\n---\nBody {i}.\n"));
        }
        files.Add(("content/a.md", "---\ntitle: A\n---\n## Section\n\nOriginal text.\n"));
        return new TempSite([.. files]);
    }

    [Fact]
    public void Serves_from_memory_and_writes_nothing()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });

        var build = preview.Rebuild();

        Assert.True(build.Full);
        Assert.Equal(22, build.RenderedPages);
        Assert.Contains("Original text.", preview.Text("a/index.html"));
        Assert.False(Directory.Exists(site.PathOf("_site")));
    }

    [Fact]
    public void Without_incremental_every_rebuild_starts_from_nothing_and_gives_the_same_site()
    {
        using var site = Site();
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var plain = new PreviewSite(options, incremental: false);
        var incremental = new PreviewSite(options);
        plain.Rebuild();
        incremental.Rebuild();

        site.Touch("content/a.md", "---\ntitle: A\n---\n## Section\n\nEdited text.\n");
        var build = plain.Rebuild([site.PathOf("content/a.md")]);
        var quick = incremental.Rebuild([site.PathOf("content/a.md")]);

        Assert.True(build.Full);
        Assert.Equal(22, build.RenderedPages);
        Assert.False(quick.Full);
        Assert.Equal(quick.Result.Diagnostics, build.Result.Diagnostics);
        Assert.Equal(incremental.Files.Keys.Order(), plain.Files.Keys.Order());
        Assert.All(plain.Files, f => Assert.Equal(f.Value, incremental.Files[f.Key]));
        Assert.Contains("Edited text.", plain.Text("a/index.html"));
    }

    [Fact]
    public void Editing_one_body_re_renders_only_that_page()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        var before = preview.Text("p05/index.html");

        site.Touch("content/a.md", "---\ntitle: A\n---\n## Section\n\nEdited text.\n");
        var build = preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.False(build.Full);
        Assert.Equal(1, build.RenderedPages);
        Assert.Contains("Edited text.", preview.Text("a/index.html"));
        Assert.Equal(before, preview.Text("p05/index.html"));
    }

    [Fact]
    public void A_page_the_watcher_reports_as_new_is_found()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();

        site.Write("content/fresh/new.md", "# New page\n\n[a](../a.md)\n");
        preview.Rebuild([site.PathOf("content/fresh/new.md")]);

        Assert.Contains("New page", preview.Text("fresh/new/index.html"));
    }

    [Fact]
    public void Files_the_watcher_did_not_report_are_taken_as_they_were_until_a_full_rebuild()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();

        site.Touch("content/p05.md", "---\ntitle: Page 5\n---\nUnreported edit.\n");
        site.Touch("content/a.md", "---\ntitle: A\n---\n## Section\n\nReported edit.\n");
        preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.Contains("Reported edit.", preview.Text("a/index.html"));
        Assert.DoesNotContain("Unreported edit.", preview.Text("p05/index.html"));
        preview.Rebuild();
        Assert.Contains("Unreported edit.", preview.Text("p05/index.html"));
    }

    [Fact]
    public void What_listing_the_files_reported_is_reported_again_after_an_edit()
    {
        using var site = Site();
        var outside = Path.Combine(Path.GetTempPath(), "crosswalk-outside-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(outside, "# Outside\n");
        try
        {
            File.CreateSymbolicLink(site.PathOf("content/escape.md"), outside);
            var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
            var first = preview.Rebuild();
            Assert.Contains(first.Result.Diagnostics, d => d.Code == "CW1006" && d.Location!.Value.File == "content/escape.md");

            site.Touch("content/a.md", "---\ntitle: A\n---\n## Section\n\nEdited.\n");
            var edit = preview.Rebuild([site.PathOf("content/a.md")]);

            Assert.False(edit.Full);
            Assert.Equal(first.Result.Diagnostics.Where(d => d.Code == "CW1006"), edit.Result.Diagnostics.Where(d => d.Code == "CW1006"));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_body_edit_keeps_the_index_with_its_findings_and_the_edited_page_in_it()
    {
        using var site = Site();
        site.Write("content/moved.md", "---\ntitle: Moved\nredirect_from: [/gone/]\n---\n# Moved\n");
        site.Write("content/loop.md", "---\ntitle: Loop\nredirect_from: [/loop/]\n---\n# Loop\n");
        site.Write("site.yml", "title: Preview\nrelative_urls: false\nredirects:\n  /x/: /y/\n");
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        var first = preview.Rebuild();
        var redirectFindings = first.Result.Diagnostics.Where(d => d.Code == "CW2004").ToList();
        Assert.NotEmpty(redirectFindings);

        site.Touch("content/index.md", "# Home\n\nNew home text. [a](a.md#section)\n");
        var edit = preview.Rebuild([site.PathOf("content/index.md")]);

        Assert.False(edit.Full);
        Assert.Equal(redirectFindings, edit.Result.Diagnostics.Where(d => d.Code == "CW2004"));
        Assert.Contains("New home text.", preview.Text("index.html"));
        // The sidebar's home entry and the breadcrumbs lead to the edited home page.
        Assert.Contains("href=\"/\"", preview.Text("a/index.html"));
        Assert.DoesNotContain(edit.Result.Diagnostics, d => d.Severity == Crosswalk.Diagnostics.Severity.Error && d.Code != "CW2004");
    }

    [Fact]
    public void A_missing_anchor_stays_reported_through_edits_elsewhere_until_it_is_fixed()
    {
        using var site = Site();
        site.Write("content/index.md", "# Home\n\n[a](a.md#nope)\n");
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        var first = preview.Rebuild().Result.Diagnostics.Where(d => d.Code == "CW2002").ToList();
        Assert.Single(first);

        site.Touch("content/p05.md", "---\ntitle: Page 5\n---\nEdited.\n");
        var edit = preview.Rebuild([site.PathOf("content/p05.md")]);
        Assert.Equal(first, edit.Result.Diagnostics.Where(d => d.Code == "CW2002"));

        site.Touch("content/a.md", "---\ntitle: A\n---\n## Nope\n");
        var fixedBuild = preview.Rebuild([site.PathOf("content/a.md")]);
        Assert.DoesNotContain(fixedBuild.Result.Diagnostics, d => d.Code == "CW2002");
    }

    [Fact]
    public void A_changed_claim_updates_the_criterion_pages_and_a_changed_title_their_lists()
    {
        using var site = new TempSite(
            ("site.yml", "title: P\nrelative_urls: false\ncatalogs: [soc2-tsc-2017]\nmappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n| Doc | SOC2 |\n|---|---|\n| [B](b.md) | CC6.1 |\n"),
            ("content/b.md", "---\ntitle: B\nshort_title: B\n---\nText.\n"));
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        const string claimRow = "<tr><td><a href=\"/b/\">";
        Assert.Contains(claimRow, preview.Text("criteria/soc2-tsc-2017/cc6.1/index.html"));

        site.Touch("content/index.md", "# Home\n\n| Doc | SOC2 |\n|---|---|\n| [B](b.md) | CC6.2 |\n");
        preview.Rebuild([site.PathOf("content/index.md")]);
        Assert.DoesNotContain(claimRow, preview.Text("criteria/soc2-tsc-2017/cc6.1/index.html"));
        Assert.Contains(claimRow, preview.Text("criteria/soc2-tsc-2017/cc6.2/index.html"));

        // The sidebar shows the short title, so only the criterion pages list the new title.
        site.Touch("content/b.md", "---\ntitle: Bravo Policy\nshort_title: B\n---\nText.\n");
        preview.Rebuild([site.PathOf("content/b.md")]);
        Assert.Contains("Bravo Policy", preview.Text("criteria/soc2-tsc-2017/cc6.2/index.html"));
    }

    [Fact]
    public void Claims_kept_from_earlier_builds_still_count_after_an_edit_elsewhere()
    {
        using var site = new TempSite(
            ("site.yml", "title: P\nrelative_urls: false\ncatalogs: [acme.yaml]\nseverity: { CW2005: off, CW5002: off }\n"),
            ("acme.yaml", "catalog:\n  id: acme\ncriteria:\n  - { id: X1, title: First }\n"),
            ("content/index.md", "# Home\n"),
            ("content/a.md", "---\ntitle: A\n---\nText.\n"),
            ("content/d.md", "---\ntitle: D\nsatisfies: { acme: [X1] }\n---\nText.\n"));
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        const string claimRow = "<tr><td><a href=\"/d/\">";
        Assert.Contains(claimRow, preview.Text("criteria/acme/x1/index.html"));

        // A user catalog is read from its file on every full build; an edit elsewhere must not lose the claim.
        site.Touch("content/a.md", "---\ntitle: A renamed\n---\nText.\n");
        preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.Contains(claimRow, preview.Text("criteria/acme/x1/index.html"));
    }

    [Fact]
    public void A_known_page_replaced_by_a_link_out_of_the_source_folder_is_refused_as_a_full_build_would()
    {
        using var site = Site();
        var outside = Path.Combine(Path.GetTempPath(), "crosswalk-outside-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(outside, "# Outside secret\n");
        try
        {
            var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
            preview.Rebuild();

            File.Delete(site.PathOf("content/p05.md"));
            File.CreateSymbolicLink(site.PathOf("content/p05.md"), outside);
            var edit = preview.Rebuild([site.PathOf("content/p05.md")]);

            Assert.Contains(edit.Result.Diagnostics, d => d.Code == "CW1006" && d.Location!.Value.File == "content/p05.md");
            Assert.DoesNotContain("Outside secret", preview.Text("p05/index.html"));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_link_inside_the_source_folder_shows_its_target_after_the_target_is_edited()
    {
        using var site = Site();
        site.Write("content/shared/real.md", "# Real\n\nFirst text.\n");
        File.CreateSymbolicLink(site.PathOf("content/link.md"), site.PathOf("content/shared/real.md"));
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        Assert.Contains("First text.", preview.Text("link/index.html"));

        site.Touch("content/shared/real.md", "# Real\n\nSecond text.\n");
        preview.Rebuild([site.PathOf("content/shared/real.md")]);

        Assert.Contains("Second text.", preview.Text("link/index.html"));
    }

    [Fact]
    public void A_title_change_re_renders_every_page_because_the_sidebar_changes()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();

        site.Touch("content/a.md", "---\ntitle: Renamed\n---\n## Section\n");
        var build = preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.Equal(22, build.RenderedPages);
        Assert.Contains("Renamed", preview.Text("p05/index.html"));
    }

    [Fact]
    public void Deleting_a_page_removes_it_and_reports_the_links_that_broke()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();

        File.Delete(site.PathOf("content/a.md"));
        var build = preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.False(preview.TryGetFile("a/index.html", out _));
        Assert.Contains(build.Result.Diagnostics, d => d.Code == "CW2001" && d.Location!.Value.File == "content/index.md");
    }

    [Fact]
    public void A_broken_site_yml_keeps_the_last_good_site_and_a_fix_restores_it()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();

        site.Touch("site.yml", "title: [broken\n");
        var broken = preview.Rebuild([site.ConfigPath]);
        Assert.False(broken.Result.ConfigUsable);
        Assert.Contains("Original text.", preview.Text("a/index.html"));

        site.Touch("site.yml", "title: Fixed\n");
        var fixedBuild = preview.Rebuild([site.ConfigPath]);
        Assert.True(fixedBuild.Full);
        Assert.Equal(0, fixedBuild.Result.Errors + fixedBuild.Result.Warnings);
        Assert.Contains("Fixed", preview.Text("a/index.html"));
    }

    [Fact]
    public void An_edit_to_a_linked_page_is_seen_by_the_pages_that_link_to_it()
    {
        // Given: a page links to an anchor of b.md, and a mapping row claims CC6.1 for b.md
        using var site = new TempSite(
            ("site.yml", "title: P\nrelative_urls: false\ncatalogs: [soc2-tsc-2017]\nmappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[b](b.md#section)\n\n| Doc | SOC2 |\n|---|---|\n| [B](b.md) | CC6.1 |\n"),
            ("content/b.md", "---\ntitle: B\n---\n## Section\n\nText.\n"));
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        Assert.Equal(0, preview.Rebuild().Result.Errors);

        // When: the heading is renamed (the page's place and title stay: an incremental rebuild)
        site.Touch("content/b.md", "---\ntitle: B\n---\n## Renamed\n\nText.\n");
        var broken = preview.Rebuild([site.PathOf("content/b.md")]);

        // Then: the anchor is checked against the new parse, and fixing it clears the error
        Assert.False(broken.Full);
        Assert.Equal(1, broken.RenderedPages);
        Assert.Contains(broken.Result.Diagnostics, d => d.Code == "CW2002" && d.Location!.Value.File == "content/index.md");
        site.Touch("content/index.md", "# Home\n\n[b](b.md#renamed)\n\n| Doc | SOC2 |\n|---|---|\n| [B](b.md) | CC6.1 |\n");
        var fixedBuild = preview.Rebuild([site.PathOf("content/index.md")]);
        Assert.Equal(0, fixedBuild.Result.Errors);
        Assert.Contains("href=\"/b/\"", preview.Text("criteria/soc2-tsc-2017/cc6.1/index.html"));
    }

    [Fact]
    public void An_edit_that_keeps_the_length_and_time_of_the_file_is_still_seen()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        var path = site.PathOf("content/a.md");
        var stamp = File.GetLastWriteTimeUtc(path);

        File.WriteAllText(path, File.ReadAllText(path).Replace("Original", "Modified"));
        File.SetLastWriteTimeUtc(path, stamp);
        preview.Rebuild([path]);

        Assert.Contains("Modified text.", preview.Text("a/index.html"));
    }

    [Fact]
    public void Random_edits_to_claims_titles_and_bodies_leave_the_preview_as_a_fresh_build_would()
    {
        // Pages claim criteria in front matter and through mapping rows that link other pages; a coverage table
        // checks them. Each edit rewrites one page; after each, every page and criterion page must be as a new
        // preview of the same files shows them, with the same findings.
        var random = new Random(11);
        string[] criteria = ["CC6.1", "CC6.2", "CC6.3", "CC7.1", "CC6"];
        string PageText(int i)
        {
            var sb = new StringBuilder($"---\ntitle: {(random.Next(4) == 0 ? $"Renamed {i}" : $"Doc {i}")}\n");
            if (random.Next(2) == 0)
            {
                sb.Append($"satisfies: {{ soc2-tsc-2017: [{criteria[random.Next(criteria.Length)]}] }}\n");
            }
            sb.Append($"---\n## Part {random.Next(3)}\n\nBody {random.Next(100)}, see [d](d{random.Next(5)}.md#part-{random.Next(3)}).\n\n| Doc | SOC2 |\n|---|---|\n");
            for (var r = random.Next(3); r > 0; r--)
            {
                var target = random.Next(5);
                sb.Append(random.Next(3) == 0 ? "| Self " : $"| [D{target}](d{target}.md) ").Append($"| {criteria[random.Next(criteria.Length)]} |\n");
            }
            return sb.ToString();
        }
        var files = new List<(string, string)>
        {
            ("site.yml", "title: P\ncatalogs: [soc2-tsc-2017]\nmappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\n" +
                         "coverage:\n  - { catalog: soc2-tsc-2017, key: Criterion, documents: Documents }\n"),
            ("content/index.md", "# Home\n\n| Criterion | Documents |\n|---|---|\n| CC6.1 | [D0](d0.md), [D1](d1.md) |\n| CC7.1 | [D2](d2.md) |\n"),
        };
        var texts = Enumerable.Range(0, 5).Select(PageText).ToArray();
        for (var i = 0; i < 5; i++)
        {
            files.Add(($"content/d{i}.md", texts[i]));
        }
        using var site = new TempSite([.. files]);
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        preview.Rebuild();
        string[] outputs = ["index.html", .. Enumerable.Range(0, 5).Select(i => $"d{i}/index.html"), "criteria/index.html", "criteria/soc2-tsc-2017/index.html",
            .. criteria.Select(c => $"criteria/soc2-tsc-2017/{c.ToLowerInvariant()}/index.html")];

        for (var step = 0; step < 30; step++)
        {
            var page = random.Next(5);
            var edited = $"content/d{page}.md";
            // Half the edits rewrite the page; the others change its body only (the site's structure and claims stay).
            texts[page] = random.Next(2) == 0 ? PageText(page) : System.Text.RegularExpressions.Regex.Replace(texts[page], @"Body \d+", $"Body {100 + step}");
            site.Touch(edited, texts[page]);
            var build = preview.Rebuild([site.PathOf(edited)]);

            var fresh = new PreviewSite(options);
            var expected = fresh.Rebuild();
            Assert.Equal(expected.Result.Diagnostics, build.Result.Diagnostics);
            foreach (var output in outputs)
            {
                Assert.True(fresh.Text(output) == preview.Text(output), $"step {step}, {edited}: {output} differs");
            }
        }
    }

    [Fact]
    public void A_page_that_failed_to_render_reports_again_after_an_edit_elsewhere()
    {
        using var site = new TempSite(("site.yml", "title: P\n"), ("content/index.md", "# Home\n\n[a](a.md) [b](b.md)\n"),
            ("content/a.md", "---\ntitle: A\nlayout: nosuch\n---\nA body\n"), ("content/b.md", "---\ntitle: B\n---\nB body\n"));
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        Assert.Contains(preview.Rebuild().Result.Diagnostics, d => d.Code == "CW4001");

        site.Touch("content/b.md", "---\ntitle: B\n---\nB body edited\n");
        var build = preview.Rebuild([site.PathOf("content/b.md")]);

        Assert.False(build.Full);
        Assert.Contains(build.Result.Diagnostics, d => d.Code == "CW4001" && d.Message.Contains("nosuch"));
    }

    [Fact]
    public void An_edited_page_that_fails_to_render_keeps_no_ids_of_its_earlier_render()
    {
        // #cw-criteria-title is the layout's: shown only on a page that claims criteria.
        using var site = new TempSite(("site.yml", "title: P\ncatalogs: [soc2-tsc-2017]\n"), ("content/index.md", "# Home\n\n[a](a.md) [b](b.md)\n"),
            ("content/a.md", "---\ntitle: A\n---\nSee [b](b.md#cw-criteria-title)\n"),
            ("content/b.md", "---\ntitle: B\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\nB body\n"));
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        Assert.DoesNotContain(preview.Rebuild().Result.Diagnostics, d => d.Code == "CW2002");

        site.Touch("content/b.md", "---\ntitle: B\nsatisfies: { soc2-tsc-2017: [CC6.1] }\nlayout: nosuch\n---\nB body\n");
        var build = preview.Rebuild([site.PathOf("content/b.md")]);

        Assert.Equal(new PreviewSite(options).Rebuild().Result.Diagnostics, build.Result.Diagnostics);
        Assert.Contains(build.Result.Diagnostics, d => d.Code == "CW2002");
    }

    [Fact]
    public void A_static_file_that_cannot_be_read_is_no_longer_served()
    {
        using var site = new TempSite(("site.yml", "title: P\n"), ("content/index.md", "# Home\n\n[s](s.txt)\n"), ("content/s.txt", "old static"));
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        Assert.True(preview.TryGetFile("s.txt", out _));

        site.Touch("content/s.txt", "new static");
        // Held exclusively, the file cannot be read while the preview rebuilds.
        using (new FileStream(site.PathOf("content/s.txt"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var build = preview.Rebuild([site.PathOf("content/s.txt")]);
            Assert.Contains(build.Result.Diagnostics, d => d.Code == "CW1005");
            Assert.False(preview.TryGetFile("s.txt", out _));
        }

        preview.Rebuild([site.PathOf("content/s.txt")]);
        Assert.Equal("new static", preview.Text("s.txt"));
    }

    [Fact]
    public void The_first_controlled_document_brings_the_reviews_page_and_its_sidebar_link_and_the_last_takes_them_away()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath, Today = new DateOnly(2026, 12, 6) });
        preview.Rebuild();
        Assert.False(preview.TryGetFile("reviews/index.html", out _));

        site.Touch("content/a.md", "---\ntitle: A\nowner: Security Lead\nnext_review: 2026-12-01\n---\n## Section\n\nOriginal text.\n");
        var added = preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.Contains(added.Result.Diagnostics, d => d.Code == "CW1008");
        Assert.Contains("Security Lead", preview.Text("reviews/index.html"));
        Assert.Contains("href=\"../reviews/\"", preview.Text("p05/index.html"));

        site.Touch("content/a.md", "---\ntitle: A\n---\n## Section\n\nOriginal text.\n");
        preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.False(preview.TryGetFile("reviews/index.html", out _));
        Assert.DoesNotContain("href=\"../reviews/\"", preview.Text("p05/index.html"));
    }

    [Fact]
    public void A_claim_that_changes_only_the_alias_it_comes_through_is_shown_as_a_fresh_build_shows_it()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\ncatalogs: [iso27001-2022]\nmappings:\n  - { column: ISO, catalog: iso27001-2022 }\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n| Doc | ISO |\n|---|---|\n| [B](b.md) | A.5-A.8 |\n"),
            ("content/b.md", "# B doc\n"));
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        preview.Rebuild();

        site.Touch("content/index.md", "# Home\n\n| Doc | ISO |\n|---|---|\n| [B](b.md) | Annex A |\n");
        preview.Rebuild([site.PathOf("content/index.md")]);
        var fresh = new PreviewSite(options);
        fresh.Rebuild();

        Assert.Contains("through &#39;Annex A&#39;", fresh.Text("criteria/iso27001-2022/index.html"));
        Assert.Equal(fresh.Text("criteria/iso27001-2022/index.html"), preview.Text("criteria/iso27001-2022/index.html"));
        Assert.Equal(fresh.Text("criteria/iso27001-2022/a.5.1/index.html"), preview.Text("criteria/iso27001-2022/a.5.1/index.html"));
    }
}
