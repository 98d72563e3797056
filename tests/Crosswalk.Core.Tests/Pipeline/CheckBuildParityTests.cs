using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Pipeline;

/// <summary>
/// <c>check</c> is the pull-request gate, <c>build</c> the deploy: on every site they must report the same diagnostics
/// and reach the same verdict, with and without <c>--strict</c>.
/// </summary>
public sealed class CheckBuildParityTests
{
    private const string Soc2 = "title: T\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off }\n";

    private static (BuildResult Check, BuildResult Build) Both(string config, string output)
    {
        var check = SiteBuilder.Check(new BuildOptions { ConfigPath = config });
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = config, OutputDirectory = output });
        return (check, build);
    }

    private static void AssertSameVerdict(BuildResult check, BuildResult build)
    {
        Assert.Equal(Lines(build), Lines(check));
        Assert.Equal(build.Failed(strict: false), check.Failed(strict: false));
        Assert.Equal(build.Failed(strict: true), check.Failed(strict: true));
        Assert.Equal(build.PageCount, check.PageCount);
    }

    private static List<string> Lines(BuildResult result) => [.. result.Diagnostics.Select(d => $"{d} | {d.Help}")];

    private static BuildResult Parity(TempSite site)
    {
        var (check, build) = Both(site.ConfigPath, site.PathOf("_site"));
        AssertSameVerdict(check, build);
        return build;
    }

    [Fact]
    public void A_link_to_the_criteria_box_of_a_page_that_claims_nothing_fails_both()
    {
        using var site = new TempSite(
            ("site.yml", Soc2),
            ("content/index.md", "# Home\n\n[a](a.md) [c](c.md#cw-criteria-title)\n"),
            ("content/a.md", "---\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# A\n"),
            ("content/c.md", "# C\n\nNothing claimed.\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.MissingAnchor && d.Message.Contains("cw-criteria-title"));
        Assert.True(build.Failed(strict: false));
    }

    [Fact]
    public void A_link_to_the_table_of_contents_of_a_page_that_has_one_passes_both()
    {
        using var site = new TempSite(
            ("site.yml", Soc2),
            ("content/index.md", "# Home\n\n[a](a.md) [b](b.md#cw-toc-title)\n"),
            ("content/a.md", "# A\n\nNo headings below the title.\n"),
            ("content/b.md", "# B\n\n## One\n\n## Two\n"));

        var build = Parity(site);

        Assert.DoesNotContain(build.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(build.Written);
    }

    [Fact]
    public void A_template_error_only_criterion_pages_reach_fails_both()
    {
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html><title>{{ page.title }}</title>{{ page.content }}{{ if page.kind == \"criterion\"; no_such_function 1; end }}\n"),
            ("content/index.md", "---\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Home\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError && d.Message.Contains("no_such_function"));
        Assert.False(build.Written);
    }

    [Fact]
    public void A_layout_that_does_more_with_the_body_than_print_it_is_judged_on_the_body()
    {
        // The layout's control flow depends on the body: check must keep it to see what build sees.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html>{{ if page.content | string.contains \"BOOM\"; no_such_function 1; end }}{{ page.content }}\n"),
            ("content/index.md", "# Home\n\nBOOM\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
    }

    [Fact]
    public void A_page_whose_layout_reads_its_body_is_judged_on_the_body_while_others_are_not_kept()
    {
        // Layout 'x' adds an id only when the body is empty: check would pass the link if it judged an empty body.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html><title>{{ page.title }}</title>{{ page.content }}\n"),
            ("theme/layouts/x.html", "<!DOCTYPE html>{{ if page.content == \"\" }}<p id=\"empty\"></p>{{ end }}{{ page.content }}\n"),
            ("content/index.md", "# Home\n\n[x](x.md#empty)\n"),
            ("content/x.md", "---\nlayout: x\n---\n# X\n\nText.\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.MissingAnchor && d.Message.Contains("#empty"));
    }

    public static TheoryData<string> Sites()
    {
        var tests = Repository.PathOf("tests");
        var data = new TheoryData<string>
        {
            Path.Combine(Path.GetDirectoryName(tests)!, "site.yml"),
            Path.Combine(tests, "Crosswalk.Core.Tests", "TestData", "210-link-corpus", "site", "site.yml"),
        };
        foreach (var dir in Directory.GetDirectories(Path.Combine(tests, "Crosswalk.Cli.Tests", "TestData", "sites")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine(dir, "site.yml"));
        }
        foreach (var dir in Directory.GetDirectories(Path.Combine(tests, "Crosswalk.Core.Tests", "TestData", "800-hostile"), "permalink-*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine(dir, "site.yml"));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void The_repository_site_and_every_fixture_site_get_the_same_verdict(string config)
    {
        var output = Path.Combine(Path.GetTempPath(), "cw-parity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (check, build) = Both(config, output);
            AssertSameVerdict(check, build);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
