using System.Text;
using System.Text.RegularExpressions;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

/// <summary>
/// Random sequences of edits of every kind a preview sees, each compared with a fresh preview of the same files:
/// every built file and every diagnostic must be the same. Most edits keep the site's structure, so the in-place
/// updates of links, claims, orphans and anchors are exercised; the others rebuild them.
/// </summary>
public sealed class PreviewDifferentialTests
{
    private const int Documents = 6;
    private static readonly string[] Criteria = ["CC6.1", "CC6.2", "CC6.3", "CC7.1", "CC6"];

    // A document: its title, place and redirects sometimes change; claims in front matter and in mapping rows (some
    // for other documents); links to headings, template ids, static files, redirects, a symbolic link and raw HTML ids.
    private static string Document(Random random, int i, bool structural)
    {
        var sb = new StringBuilder($"---\ntitle: {(structural && random.Next(4) == 0 ? $"Renamed {i}" : $"Doc {i}")}\n");
        if (structural)
        {
            if (random.Next(8) == 0)
            {
                sb.Append($"permalink: /d{random.Next(Documents)}/\n");
            }
            if (random.Next(5) == 0)
            {
                sb.Append($"redirect_from: [/old{random.Next(3)}/]\n");
            }
            if (random.Next(6) == 0)
            {
                sb.Append($"nav_order: {random.Next(3)}\n");
            }
        }
        if (random.Next(2) == 0)
        {
            sb.Append($"satisfies: {{ soc2-tsc-2017: [{Criteria[random.Next(Criteria.Length)]}] }}\n");
        }
        // Document control: what the page's block and the reviews page show, and the review diagnostics, change
        // with an edit that keeps the site's structure.
        if (random.Next(3) == 0)
        {
            sb.Append($"owner: Owner {random.Next(3)}\n");
        }
        if (random.Next(3) == 0)
        {
            sb.Append($"next_review: 20{random.Next(25, 28)}-0{random.Next(1, 10)}-1{random.Next(10)}\n");
        }
        if (random.Next(4) == 0)
        {
            sb.Append($"version: \"{random.Next(3)}.0\"\n");
        }
        sb.Append($"---\n## Part {random.Next(3)}\n\nBody {random.Next(100)}, see [d](d{random.Next(Documents)}.md#part-{random.Next(3)}) and [s](s{random.Next(3)}.txt)");
        string[] extras = [$" and [o](/old{random.Next(3)}/)", $" and [p](d{random.Next(Documents)}.md)", $" and [self](#part-{random.Next(3)})",
            $" and [t](d{random.Next(Documents)}.md#cw-{(random.Next(2) == 0 ? "toc" : "criteria")}-title)", $" and [l](l.md#x{random.Next(2)})",
            $" <span id=\"x{random.Next(2)}\"></span>"];
        foreach (var extra in extras.Where(_ => random.Next(3) == 0))
        {
            sb.Append(extra);
        }
        sb.Append(".\n\n| Doc | SOC2 |\n|---|---|\n");
        for (var r = random.Next(3); r > 0; r--)
        {
            var target = random.Next(Documents);
            sb.Append(random.Next(3) == 0 ? "| Self " : $"| [D{target}](d{target}.md) ").Append($"| {Criteria[random.Next(Criteria.Length)]} |\n");
        }
        if (structural && random.Next(12) == 0)
        {
            sb.Append('\0'); // a page that cannot be read as text
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_rebuild_after_random_edits_matches_a_fresh_preview_and_a_fresh_build(int seed)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>
        {
            ("site.yml", "title: P\ncatalogs: [soc2-tsc-2017]\nmappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\n" +
                         "coverage:\n  - { catalog: soc2-tsc-2017, key: Criterion, documents: Documents }\n" +
                         // The random edits break links, anchors and coverage on purpose: as warnings, a build still
                         // writes, so its files can be compared too.
                         "severity: { CW1004: warning, CW1005: warning, CW2001: warning, CW2002: warning, CW2003: warning, CW2004: warning, CW3004: warning, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n| Criterion | Documents |\n|---|---|\n| CC6.1 | [D0](d0.md), [D1](d1.md) |\n| CC7.1 | [D2](d2.md) |\n"),
            ("content/s0.txt", "s0"), ("content/s1.txt", "s1"),
        };
        for (var i = 0; i < Documents; i++)
        {
            files.Add(($"content/d{i}.md", Document(random, i, structural: true)));
        }
        using var site = new TempSite([.. files]);
        File.CreateSymbolicLink(site.PathOf("content/l.md"), "d0.md");
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        preview.Rebuild();
        var builds = 0;

        for (var step = 0; step < 40; step++)
        {
            var changed = new List<string>();
            var (op, p) = (random.Next(100), random.Next(Documents));
            var path = $"content/d{p}.md";
            var exists = File.Exists(site.PathOf(path));
            string edit;
            if (op < 35)
            {
                site.Touch(path, Document(random, p, structural: random.Next(3) == 0));
                (edit, changed) = ($"rewrite {path}", [path]);
            }
            else if (op < 50 && exists)
            {
                site.Touch(path, Regex.Replace(site.Read(path), @"Body \d+", $"Body {100 + step}"));
                (edit, changed) = ($"body of {path}", [path]);
            }
            else if (op < 62)
            {
                var other = $"content/d{(p + 1 + random.Next(Documents - 1)) % Documents}.md";
                site.Touch(path, Document(random, p, structural: false));
                site.Touch(other, Document(random, p, structural: false));
                (edit, changed) = ($"rewrite {path} and {other}", [path, other]);
            }
            else if (op < 72 && exists)
            {
                File.Delete(site.PathOf(path));
                (edit, changed) = ($"delete {path}", [path]);
            }
            else if (op < 84)
            {
                var file = $"content/s{random.Next(3)}.txt";
                if (File.Exists(site.PathOf(file)) && random.Next(3) == 0)
                {
                    File.Delete(site.PathOf(file));
                }
                else
                {
                    site.Touch(file, $"static {step}");
                }
                (edit, changed) = ($"static {file}", [file]);
            }
            else if (op < 92)
            {
                site.Touch("content/index.md", site.Read("content/index.md") + $"\nMore [x](d{random.Next(Documents)}.md).\n");
                (edit, changed) = ("home", ["content/index.md"]);
            }
            else
            {
                File.Delete(site.PathOf("content/l.md"));
                File.CreateSymbolicLink(site.PathOf("content/l.md"), $"d{p}.md");
                (edit, changed) = ($"link to d{p}.md", ["content/l.md"]);
            }

            var build = preview.Rebuild(changed.Select(site.PathOf).ToList());

            var fresh = new PreviewSite(options);
            var expected = fresh.Rebuild();
            var at = $"seed {seed}, step {step} ({edit})";
            Assert.True(expected.Result.Diagnostics.SequenceEqual(build.Result.Diagnostics), $"{at}: diagnostics differ");
            Assert.True(fresh.Files.Keys.Order().SequenceEqual(preview.Files.Keys.Order()), $"{at}: files differ");
            foreach (var (name, bytes) in fresh.Files)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(preview.Files[name]), $"{at}: {name} differs");
            }

            // And against a fresh build: the stages build runs, in full, into memory; and a real build (written when
            // it passes) reports the same and writes the same files.
            var memory = new MemoryOutput();
            var full = SiteBuilder.Preview(options, new SiteStages(), memory);
            Assert.True(full.Result.Diagnostics.SequenceEqual(build.Result.Diagnostics), $"{at}: diagnostics differ from a full run");
            Assert.True(memory.Files.Keys.Order().SequenceEqual(preview.Files.Keys.Order()), $"{at}: files differ from a full run");
            foreach (var (name, bytes) in memory.Files)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(preview.Files[name]), $"{at}: {name} differs from a full run");
            }
            var output = site.PathOf($"out{step}");
            var written = SiteBuilder.Build(options with { OutputDirectory = output });
            Assert.True(written.Diagnostics.SequenceEqual(build.Result.Diagnostics), $"{at}: diagnostics differ from a build");
            if (written.Written)
            {
                builds++;
                var disk = site.Snapshot($"out{step}");
                disk.Remove(SiteWriter.MarkerFile);
                Assert.True(disk.Keys.SequenceEqual(preview.Files.Keys.Order(StringComparer.Ordinal)), $"{at}: files differ from a build");
                foreach (var (name, bytes) in disk)
                {
                    Assert.True(bytes.AsSpan().SequenceEqual(preview.Files[name]), $"{at}: {name} differs from a build");
                }
                Directory.Delete(output, recursive: true);
            }
        }
        Assert.True(builds >= 20, $"only {builds} of 40 builds were written: the comparison with a real build hardly ran");
    }
}
