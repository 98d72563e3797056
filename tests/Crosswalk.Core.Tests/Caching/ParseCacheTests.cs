using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Caching;

/// <summary>
/// The parse cache may make a run faster and nothing else: with it, check and build report what they report without it
/// and write the same site, whatever happened to the pages, site.yml, the catalogs, the theme or the cache file.
/// </summary>
public sealed class ParseCacheTests
{
    private const string Config = "title: T\ncatalogs: [soc2-tsc-2017]\nmappings: [{ column: SOC2, catalog: soc2-tsc-2017 }]\nseverity: { CW2005: off, CW5002: off }\n";
    private static readonly DateOnly s_day = new(2026, 11, 1);

    private static TempSite Site() => new(
        ("site.yml", Config),
        ("content/index.md", "# Home\n\n[A](a.md) [B](b.md#scope) [C](c.md)\n"),
        ("content/a.md", "---\nowner: Security\nnext_review: 2026-12-01\n---\n# A\n\n| Control | SOC2 |\n|---|---|\n| Access | CC6.1, CC6.2 |\n"),
        ("content/b.md", "# B\n\n## Scope\n\nSee [A](a.md).\n"),
        ("content/c.md", "---\ntitle: C\nsatisfies: { soc2-tsc-2017: [CC7.1] }\n---\nText.\n"));

    private static BuildOptions Options(TempSite site, bool cache = true, DateOnly? today = null) => new()
    {
        ConfigPath = site.ConfigPath,
        Today = today ?? s_day,
        CacheFolder = cache ? site.PathOf(".cache") : null,
    };

    private static List<string> Lines(BuildResult result) => [.. result.Diagnostics.Select(d => $"{d} | {d.Help}")];

    private static BuildResult Check(TempSite site, bool cache = true, DateOnly? today = null) => SiteBuilder.Check(Options(site, cache, today));

    private static BuildResult Build(TempSite site, string output, bool cache = true) =>
        SiteBuilder.Build(Options(site, cache) with { OutputDirectory = site.PathOf(output) });

    [Fact]
    public void The_repositorys_site_built_from_the_cache_is_the_site_built_without_one()
    {
        using var site = new TempSite();
        var options = new BuildOptions { ConfigPath = Repository.PathOf("site.yml"), Today = s_day, CacheFolder = site.PathOf("cache") };

        var plain = SiteBuilder.Build(options with { OutputDirectory = site.PathOf("plain"), CacheFolder = null });
        var cold = SiteBuilder.Build(options with { OutputDirectory = site.PathOf("cold") });
        var warm = SiteBuilder.Build(options with { OutputDirectory = site.PathOf("warm") });
        var check = SiteBuilder.Check(options);

        Assert.True(plain.Written);
        Assert.Null(plain.Cache);
        Assert.Equal((0, plain.PageCount, true), (cold.Cache!.Read, cold.Cache.Parsed, cold.Cache.Written));
        Assert.Equal((plain.PageCount, 0, false), (warm.Cache!.Read, warm.Cache.Parsed, warm.Cache.Written));
        Assert.Equal(plain.PageCount, check.Cache!.Read);
        Assert.Equal(Lines(plain), Lines(cold));
        Assert.Equal(Lines(plain), Lines(warm));
        Assert.Equal(Lines(plain), Lines(check));
        var expected = site.Snapshot("plain");
        Assert.True(expected.Count > 50);
        Assert.Equal(expected, site.Snapshot("cold"));
        Assert.Equal(expected, site.Snapshot("warm"));
    }

    [Fact]
    public void A_build_after_check_parses_the_pages_whose_bodies_check_did_not_keep_and_writes_the_same_site()
    {
        using var site = Site();
        var plain = Build(site, "plain", cache: false);

        var check = Check(site);
        var build = Build(site, "out");

        // check keeps no body a layout only prints, so the build parses every page again (and caches the bodies).
        Assert.Equal(4, check.Cache!.Parsed);
        Assert.Equal((0, 4), (build.Cache!.Read, build.Cache.Parsed));
        Assert.Equal(site.Snapshot("plain"), site.Snapshot("out"));
        Assert.Equal(Lines(plain), Lines(build));
        Assert.Equal(Lines(plain), Lines(check));
        // and check then reads the build's entries, bodies and all.
        Assert.Equal((4, 0), (Check(site).Cache!.Read, Check(site).Cache!.Parsed));
    }

    [Fact]
    public void An_edited_page_is_parsed_again_and_only_it()
    {
        using var site = Site();
        Assert.Equal(0, Check(site).Errors);

        site.Write("content/b.md", "# B\n\n## Scope\n\nSee [A](a.md) and [gone](gone.md).\n");
        var result = Check(site);

        Assert.Equal((3, 1, true), (result.Cache!.Read, result.Cache.Parsed, result.Cache.Written));
        Assert.Equal(Lines(Check(site, cache: false)), Lines(result));
        Assert.Contains(result.Diagnostics, d => d.Code == "CW2001" && d.Location!.Value.File == "content/b.md");
    }

    [Fact]
    public void Edits_are_added_to_the_cache_file_until_old_versions_are_half_of_it_then_it_is_written_anew()
    {
        using var site = Site();
        Check(site);
        var file = Directory.GetFiles(site.PathOf(".cache")).Single();
        var sizes = new List<long> { new FileInfo(file).Length };
        var before = File.ReadAllBytes(file);

        for (var i = 0; i < 12; i++)
        {
            site.Write("content/b.md", $"# B\n\n## Scope\n\nSee [A](a.md), edit {i}.\n" + (i % 3 == 0 ? "[gone](gone.md)\n" : ""));
            var result = Check(site);
            Assert.Equal((3, 1, true), (result.Cache!.Read, result.Cache.Parsed, result.Cache.Written));
            Assert.Equal(Lines(Check(site, cache: false)), Lines(result));
            sizes.Add(new FileInfo(file).Length);
            if (i == 0)
            {
                // After its header (which now points at the new index), the file starts with the old file whole.
                var after = File.ReadAllBytes(file);
                Assert.True(after.AsSpan(64, before.Length - 64).SequenceEqual(before.AsSpan(64)), "unchanged entries are not copied");
            }
        }

        Assert.True(sizes[1] > sizes[0], "the first edit is added to the end");
        Assert.Contains(sizes.Zip(sizes.Skip(1)), step => step.Second < step.First);
        Assert.True(sizes.Max() <= 3 * sizes[0], string.Join(", ", sizes));
        Assert.Equal((4, 0), (Check(site).Cache!.Read, Check(site).Cache!.Parsed));
    }

    [Fact]
    public void A_page_that_is_gone_leaves_the_cache_and_one_that_comes_back_is_parsed()
    {
        using var site = Site();
        Check(site);
        var c = site.Read("content/c.md");
        File.Delete(site.PathOf("content/c.md"));

        var without = Check(site);
        site.Write("content/c.md", c);
        var back = Check(site);

        Assert.Equal((3, 0, true), (without.Cache!.Read, without.Cache.Parsed, without.Cache.Written));
        Assert.Contains(without.Diagnostics, d => d.Code == "CW2001");
        Assert.Equal((3, 1), (back.Cache!.Read, back.Cache.Parsed));
        Assert.Equal(0, back.Errors);
    }

    [Fact]
    public void A_change_to_site_yml_parses_every_page_again()
    {
        using var site = Site();
        Check(site);

        // The mapping column is renamed: the table in a.md no longer maps to criteria.
        site.Write("site.yml", Config.Replace("column: SOC2", "column: TSC"));
        var result = Check(site);

        Assert.Equal((0, 4), (result.Cache!.Read, result.Cache.Parsed));
        Assert.Equal(Lines(Check(site, cache: false)), Lines(result));
    }

    [Theory]
    [InlineData("mappings: [{ column: Ref, catalog: acme }]")]
    [InlineData("catalog_aliases: { ACME: acme }\nmappings: [{ column: Ref, catalog: ACME }]")]
    public void A_change_to_a_catalog_file_parses_every_page_again_with_the_new_catalog(string mappings)
    {
        using var site = new TempSite(
            ("site.yml", $"title: T\ncatalogs: [cat.yml]\n{mappings}\nseverity: {{ CW2005: off, CW5002: off }}\n"),
            ("cat.yml", "catalog:\n  id: acme\n  name: Acme\ncriteria:\n  - { id: AC-1, title: One }\n"),
            ("content/index.md", "# Home\n\n| Control | Ref |\n|---|---|\n| X | AC-2 |\n"));
        var before = Check(site);
        Assert.Contains(before.Diagnostics, d => d.Code == "CW3003");

        site.Write("cat.yml", "catalog:\n  id: acme\n  name: Acme\ncriteria:\n  - { id: AC-1, title: One }\n  - { id: AC-2, title: Two }\n");
        var after = Check(site);

        Assert.Equal((0, 1), (after.Cache!.Read, after.Cache.Parsed));
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "CW3003");
        Assert.Equal(Lines(Check(site, cache: false)), Lines(after));
    }

    [Fact]
    public void A_page_too_deep_to_parse_keeps_what_its_front_matter_reported()
    {
        // The parse stops in Markdig (CW4002) after the front matter reported a misspelt key (CW1007): both are kept.
        using var site = Site();
        site.Write("content/deep.md", "---\ntitel: x\n---\n# Deep\n\n" + new string('*', 10_000) + "a" + new string('*', 10_000) + "\n");
        var expected = Lines(Check(site, cache: false));
        Assert.Contains(expected, l => l.Contains("CW1007"));
        Assert.Contains(expected, l => l.Contains("CW4002"));

        Assert.Equal(expected, Lines(Check(site)));
        Assert.Equal(expected, Lines(Check(site)));
    }

    [Fact]
    public void A_cache_folder_inside_the_source_is_not_used()
    {
        using var site = Site();
        var options = Options(site) with { CacheFolder = site.PathOf("content/.cache") };

        var result = SiteBuilder.Check(options);

        Assert.Null(result.Cache);
        Assert.False(Directory.Exists(site.PathOf("content/.cache")));
        Assert.Equal(Lines(Check(site, cache: false)), Lines(result));
    }

    [Fact]
    public void Review_dates_are_judged_on_the_day_of_the_run_not_the_day_the_page_was_cached()
    {
        using var site = Site();
        Assert.DoesNotContain(Check(site).Diagnostics, d => d.Code == "CW1008");

        var later = Check(site, today: new DateOnly(2026, 12, 10));

        Assert.Equal(4, later.Cache!.Read);
        Assert.Contains(later.Diagnostics, d => d.Code == "CW1008" && d.Location!.Value.File == "content/a.md");
        Assert.Equal(Lines(Check(site, cache: false, today: new DateOnly(2026, 12, 10))), Lines(later));
    }

    [Fact]
    public void A_layout_that_starts_reading_the_body_gets_it_from_a_new_parse()
    {
        using var site = Site();
        site.Write("site.yml", Config + "templates: templates\n");
        site.Write("content/index.md", "# Home\n\n[A](a.md) [B](b.md#has-scope) [C](c.md)\n");
        site.Write("templates/layouts/page.html", "<html><body>{{ page.content }}</body></html>");
        Assert.Contains(Check(site).Diagnostics, d => d.Code == "CW2002");

        site.Write("templates/layouts/page.html", "<html><body>{{ if page.content | string.contains 'id=\"scope\"' }}<p id=\"has-scope\"></p>{{ end }}{{ page.content }}</body></html>");
        var result = Check(site);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW2002");
        Assert.Equal(Lines(Check(site, cache: false)), Lines(result));
        Assert.True(result.Cache!.Parsed > 0);
    }

    [Fact]
    public void A_damaged_cache_file_is_not_believed()
    {
        using var site = Site();
        site.Write("content/b.md", "# B\n\nSee [gone](gone.md).\n");
        var expected = Lines(Check(site, cache: false));
        Check(site);
        var file = Directory.GetFiles(site.PathOf(".cache")).Single();
        var good = File.ReadAllBytes(file);

        // Every byte of the file changed in turn (a sample of them), then the file cut short and filled with noise.
        for (var i = 0; i < good.Length; i += Math.Max(1, good.Length / 60))
        {
            var bad = (byte[])good.Clone();
            bad[i] ^= 0x5A;
            File.WriteAllBytes(file, bad);
            Assert.Equal(expected, Lines(Check(site)));
        }
        File.WriteAllBytes(file, good.AsSpan(0, good.Length / 2).ToArray());
        Assert.Equal(expected, Lines(Check(site)));
        File.WriteAllBytes(file, System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096));
        Assert.Equal(expected, Lines(Check(site)));
        Assert.Equal(4, Check(site).Cache!.Read);
    }

    [Fact]
    public void A_build_whose_cached_bodies_are_damaged_writes_the_site_it_writes_without_a_cache()
    {
        using var site = Site();
        Build(site, "plain", cache: false);
        Build(site, "first");
        var file = Directory.GetFiles(site.PathOf(".cache")).Single();
        var good = File.ReadAllBytes(file);

        // The bodies are the end of each entry, which the index follows: damage a sample of bytes there and anywhere.
        for (var i = good.Length / 8; i < good.Length; i += Math.Max(1, good.Length / 25))
        {
            var bad = (byte[])good.Clone();
            bad[i] ^= 0x20;
            File.WriteAllBytes(file, bad);
            var output = $"out{i}";
            Assert.True(Build(site, output).Written);
            Assert.Equal(site.Snapshot("plain"), site.Snapshot(output));
        }
    }

    [Fact]
    public void A_cache_that_cannot_be_written_costs_time_and_nothing_else()
    {
        using var site = Site();
        site.Write(".cache", "a file where the folder would be");

        var result = Check(site);

        Assert.Equal((0, 4, false), (result.Cache!.Read, result.Cache.Parsed, result.Cache.Written));
        Assert.Equal(Lines(Check(site, cache: false)), Lines(result));
        Assert.True(Build(site, "out").Written);
    }

    [Fact]
    public void A_generators_site_is_not_cached()
    {
        // The profile reads mkdocs.yml, which the fingerprint does not cover.
        using var site = new TempSite(("mkdocs.yml", "site_name: S\n"), ("docs/index.md", "# Home\n"));
        var options = new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true, CacheFolder = site.PathOf(".cache") };

        var result = SiteBuilder.Check(options);

        Assert.Equal(1, result.PageCount);
        Assert.Null(result.Cache);
        Assert.False(Directory.Exists(site.PathOf(".cache")));
    }
}
