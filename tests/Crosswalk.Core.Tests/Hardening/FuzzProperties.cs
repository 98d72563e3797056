using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;
using CsCheck;

namespace Crosswalk.Tests.Hardening;

/// <summary>
/// Property tests: random and mutated Markdown, front matter, site.yml and reference expressions never make an
/// exception escape, and every diagnostic is located inside the text it is about. Iterations are kept modest (a few
/// seconds per property); the SharpFuzz target in tests/Crosswalk.Fuzz runs the parsers for longer.
/// </summary>
public sealed class FuzzProperties
{
    private const string Page = """
        ---
        title: Access control
        owner: "Security <team>"
        nav_order: 2
        permalink: /policies/access/
        satisfies:
          soc2-tsc-2017: [CC6.1, CC6.2–6.3]
        redirect_from: [/old/access/]
        ---
        # Access control

        > Quote with **bold** and [a link](other.md#part) and `code`.

        - item 1
          - nested [x](../up.md)
        1. ordered

        | Control | SOC2 Mapping |
        | --- | --- |
        | Reviews | CC6.1, CC6.2 |

        ## Part <span>html</span>

        ```yaml
        fenced: true
        ```
        """;

    private const string Config = """
        title: Fuzz
        base_url: /docs/
        source: content
        catalogs: [soc2-tsc-2017, iso27001-2022]
        mappings:
          - { column: SOC2 Mapping, catalog: soc2-tsc-2017 }
        coverage:
          - { key: Category, documents: Primary Documents, catalog: soc2-tsc-2017 }
        redirects:
          /a/: /b/
        severity:
          CW2005: off
        """;

    private const string Alphabet = "-:#>*_[]()!`|{}&%@\\\"'\n\r\t \u00a0\ufeff\u2013abcCC6.1/<>\0\ud800";

    /// <summary>Seed text with up to 8 random edits: inserts of structural characters, deletions, duplications.</summary>
    internal static Gen<string> Mutated(string seed) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Char[Alphabet], Gen.Int[1, 40], (op, at, ch, count) => (op, at, ch, count))
            .Array[0, 8]
            .Select(ops =>
            {
                var s = seed;
                foreach (var (op, at, ch, count) in ops)
                {
                    var pos = at % (s.Length + 1);
                    s = op switch
                    {
                        0 => s.Insert(pos, new string(ch, count)),
                        1 when pos < s.Length => s.Remove(pos, Math.Min(count, s.Length - pos)),
                        2 => s.Insert(pos, s[..Math.Min(pos, count * 4)]),
                        _ => s.Insert(pos, ch.ToString()),
                    };
                }
                return s;
            });

    private static readonly Gen<string> s_noise = Gen.String[Gen.Char[Alphabet], 0, 200];

    [Fact]
    public void Front_matter_reader_never_throws_and_locates_every_diagnostic_inside_the_page()
    {
        Gen.OneOf(Mutated(Page), s_noise, s_noise.Select(s => "---\n" + s + "\n---\n")).Sample(text =>
        {
            var bag = new DiagnosticBag();
            FrontMatterReader.Read(text, "content/x.md", bag);
            AssertInside(bag.ToSortedList(), "content/x.md", text);
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Config_parser_never_throws_and_locates_every_diagnostic_inside_site_yml()
    {
        Gen.OneOf(Mutated(Config), s_noise).Sample(text =>
        {
            var bag = new DiagnosticBag();
            ConfigLoader.Parse(text, "/fuzz/site.yml", bag);
            AssertInside(bag.ToSortedList(), "site.yml", text);
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Reference_parser_never_throws_and_keeps_problems_inside_the_text()
    {
        var catalogs = CatalogSet.BuiltIn;
        var soc2 = catalogs.Get("soc2-tsc-2017")!;
        var iso = catalogs.Get("iso27001-2022")!;
        var seeds = Gen.OneOf(new[] { "CC6.1, CC6.2–6.3", "A.5.1-A.5.3 and A.8.2", "Clause 9, 10", "All TSC", "N/A", "CC1.1; CC2.1 and CC9.2" });
        Gen.OneOf(seeds.SelectMany(Mutated), s_noise).Sample(text =>
        {
            foreach (var catalog in new[] { soc2, iso })
            {
                var result = ReferenceParser.Parse(text, catalog, catalogs);
                foreach (var p in result.Problems)
                {
                    Assert.True(p.Start >= 0 && p.Length >= 0 && p.Start + p.Length <= text.Length, $"problem span {p.Start}+{p.Length} outside '{text}'");
                }
            }
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Reference_parser_over_compound_oscal_ids_never_throws_and_keeps_problems_inside_the_text()
    {
        var catalogs = CatalogSet.Load(["oscal/small.json", "300-catalogs/acme.yaml", "soc2-tsc-2017"], Path.Combine(AppContext.BaseDirectory, "TestData"), new DiagnosticBag());
        var columns = new[] { catalogs.Get("small")!, catalogs.Get("acme-2024")!, catalogs.Get("soc2-tsc-2017")! };
        var seeds = Gen.OneOf(new[] { "OPS-1(1), ops-1.3", "OPS-1(1)-OPS-1(3)", "OPS-99, OPS-1(99)", "AC-1-AC-3 and OPS", "OPS-1(2); x-1", "CC6.1-CC6.3" });
        Gen.OneOf(seeds.SelectMany(Mutated), s_noise).Sample(text =>
        {
            foreach (var column in columns)
            {
                var result = ReferenceParser.Parse(text, column, catalogs);
                var spans = result.Problems.Select(p => (p.Start, p.Length)).Concat(result.References.Select(r => (r.Start, r.Length)));
                foreach (var (start, length) in spans)
                {
                    Assert.True(start >= 0 && length >= 0 && start + length <= text.Length, $"span {start}+{length} outside '{text}'");
                }
            }
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Oscal_catalog_reader_never_throws_and_locates_every_diagnostic_inside_the_file()
    {
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "oscal", "small.json"));
        Gen.OneOf(Mutated(seed), s_noise).Sample(text =>
        {
            // Lone surrogates become U+FFFD, as in a file on disk; invalid UTF-8 is refused before the reader runs.
            var bytes = new System.Text.UTF8Encoding(false, false).GetBytes(text);
            var bag = new DiagnosticBag();
            OscalCatalogReader.Read(bytes, "x.json", bag, null);
            AssertInside(bag.ToSortedList(), "x.json", text);
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Whole_site_check_never_throws_and_locates_every_diagnostic()
    {
        using var scratch = new Scratch();
        var content = Path.Combine(scratch.SiteRoot, "content");
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "other.md"), "# Other\n\n## Part\n");
        Gen.Select(Mutated(Page), Gen.OneOf(Mutated(Config), Gen.Const(Config))).Sample((page, config) =>
        {
            // Lone surrogates become U+FFFD: the file on disk is UTF-8 (invalid bytes are the corpus' business).
            var utf8 = new System.Text.UTF8Encoding(false, false);
            File.WriteAllBytes(scratch.ConfigPath, utf8.GetBytes(config));
            File.WriteAllBytes(Path.Combine(content, "index.md"), utf8.GetBytes(page));
            File.WriteAllBytes(Path.Combine(content, "page.mdx"), utf8.GetBytes(page.Replace("<span>", "<Callout kind=\"x\">", StringComparison.Ordinal)));
            var result = HostileCorpus.Bounded(() => SiteBuilder.Check(new BuildOptions { ConfigPath = scratch.ConfigPath }));
            HostileCorpus.AssertLocated(result.Diagnostics);
            foreach (var d in result.Diagnostics.Where(d => d.Location is { File: "content/index.md" }))
            {
                AssertInside([d], "content/index.md", page);
            }
        // CW_FUZZ_ITER runs it longer by hand (3,000 found the empty-segment crash that 60 hit only now and then).
        }, iter: int.Parse(Environment.GetEnvironmentVariable("CW_FUZZ_ITER") ?? "60", System.Globalization.CultureInfo.InvariantCulture), threads: 1);
    }

    /// <summary>Every diagnostic names <paramref name="file"/>, with a line of the text and a column ≥ 1.</summary>
    private static void AssertInside(IReadOnlyList<Diagnostic> diagnostics, string file, string text)
    {
        var lines = text.Count(c => c == '\n') + text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c == '\r') + 1;
        foreach (var d in diagnostics)
        {
            Assert.True(d.Location is not null, $"no location: {d}");
            var l = d.Location!.Value;
            Assert.Equal(file, l.File);
            Assert.InRange(l.Line, 1, lines + 1);
            Assert.True(l.Column >= 1, $"column < 1: {d}");
        }
    }
}
