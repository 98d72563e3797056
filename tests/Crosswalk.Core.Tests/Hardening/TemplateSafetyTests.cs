using Crosswalk.Pipeline;

namespace Crosswalk.Tests.Hardening;

/// <summary>
/// The site's templates are trusted, but a mistake in one must not hang or crash a build: Scriban's loop, recursion,
/// string-size, output and regex-time limits end it in a CW4001 at the template's file and line, within seconds.
/// Includes cannot leave the theme.
/// </summary>
public sealed class TemplateSafetyTests
{
    public static TheoryData<string, string> Templates() => new()
    {
        { "endless-loop", "{{ while true }}{{ end }}" },
        { "endless-for", "{{ for i in 1..1000000000 }}{{ end }}" },
        { "endless-recursion", "{{ func f; f; end; f }}" },
        { "mutual-recursion", "{{ func a; b; end; func b; a; end; a }}" },
        // Within the loop and depth limits, 2^40 calls: only the time budget ends it.
        { "exponential-recursion", "{{ func f(n); if n > 0; f(n - 1); f(n - 1); end; end; f(40) }}" },
        { "huge-string", "{{ x = \"a\"; for i in 1..40 }}{{ x = x + x }}{{ end }}{{ x }}" },
        { "huge-string-pad", "{{ \"a\" | string.pad_left 200000000 }}" },
        { "huge-output", "{{ for i in 1..90000 }}{{ \"x\" | string.pad_left 1000 }}{{ end }}" },
        { "regex-backtracking", "{{ \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" | regex.match \"^(a+)+$\" }}" },
        { "include-parent", "{{ include '../site.yml' }}" },
        { "include-absolute", "{{ include '/etc/passwd' }}" },
        { "include-backslash", "{{ include '..\\\\site.yml' }}" },
        { "include-encoded", "{{ include 'partials/../../site.yml' }}" },
        { "include-self", "{{ include 'layouts/page.html' }}" },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_runaway_template_ends_in_CW4001_at_its_file_and_line(string name, string statement)
    {
        using var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\ntemplates: templates\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md", "# Home\n\nText.\n");
        scratch.Write("templates/layouts/page.html", $"<!DOCTYPE html>\n<title>{{{{ page.title }}}}</title>\n{statement}\n{{{{ page.content }}}}\n");

        var result = HostileCorpus.Bounded(() => SiteBuilder.Check(new BuildOptions { ConfigPath = scratch.ConfigPath }));

        HostileCorpus.AssertLocated(result.Diagnostics);
        // Once per page rendered with the layout (the home page and the generated criteria index).
        var errors = result.Diagnostics.Where(d => d.Code == "CW4001").ToList();
        Assert.True(errors.Count > 0, $"{name}: no CW4001\n{HostileCorpus.Describe(result.Diagnostics)}");
        Assert.All(errors, error =>
        {
            Assert.Equal("templates/layouts/page.html", error.Location?.File);
            Assert.Equal(3, error.Location?.Line);
            Assert.DoesNotContain("root:x:0:0", error.Message);
            Assert.DoesNotContain("title: T", error.Message);
        });
    }

    [Fact]
    public void A_runaway_template_fails_the_build_and_keeps_the_last_good_site()
    {
        using var scratch = new Scratch();
        scratch.Write("site.yml", "title: T\ntemplates: templates\nseverity:\n  CW2005: off\n  CW5002: off\n");
        scratch.Write("content/index.md", "# Home\n");
        scratch.Write("templates/layouts/page.html", "<!DOCTYPE html>\n<title>{{ page.title }}</title>\n{{ page.content }}\n");
        var options = new BuildOptions { ConfigPath = scratch.ConfigPath, OutputDirectory = scratch.Output };
        Assert.True(SiteBuilder.Build(options).Written);
        var good = Scratch.Snapshot(scratch.Output);
        scratch.Write("templates/layouts/page.html", "<!DOCTYPE html>\n\n{{ while true }}{{ end }}\n");

        var result = HostileCorpus.Bounded(() => SiteBuilder.Build(options));

        Assert.False(result.Written);
        Assert.Contains(result.Diagnostics, d => d.Code == "CW4001" && d.Location is { File: "templates/layouts/page.html", Line: 3 });
        Assert.Equal(good, Scratch.Snapshot(scratch.Output));
    }
}
