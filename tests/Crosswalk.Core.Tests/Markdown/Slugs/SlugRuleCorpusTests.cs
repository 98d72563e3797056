using System.Text;
using Crosswalk.Markdown;
using Crosswalk.Markdown.Slugs;

namespace Crosswalk.Tests.Markdown.Slugs;

/// <summary>
/// Each rule against what its real generator made of the same pages (TestData/110-slug-rules/slugs.tsv; its README
/// says how each column was produced). A page is parsed as the generators were given it, so de-duplication counts.
/// </summary>
public sealed class SlugRuleCorpusTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "110-slug-rules");

    private static readonly Lazy<Corpus> Data = new(Load);

    public static TheoryData<string> Rules() => new(SlugRule.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_a_column_and_the_corpus_covers_every_page(string rule)
    {
        Assert.Contains(rule, Data.Value.Columns);
        Assert.Equal(["basics", "inline", "unicode", "duplicates", "empty", "explicit"], Data.Value.Pages.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Matches_the_generator_on_every_page(string name)
    {
        var rule = SlugRule.Find(name)!;
        var column = Data.Value.Columns.IndexOf(name);
        var pipeline = MarkdownPipelineFactory.Create(rule);
        var failures = new List<string>();
        var compared = 0;
        foreach (var page in Data.Value.Pages)
        {
            var markdown = new StringBuilder();
            foreach (var row in page.Rows)
            {
                markdown.Append("## ").Append(row.Heading).Append("\n\nText.\n\n");
            }
            var headings = HeadingIdsExtension.GetHeadings(Markdig.Markdown.Parse(markdown.ToString(), pipeline));
            Assert.Equal(page.Rows.Count, headings.Count);
            for (var i = 0; i < headings.Count; i++)
            {
                var expected = page.Rows[i].Ids[column];
                if (expected == "(n/a)")
                {
                    continue;
                }
                compared++;
                if (headings[i].Id != expected)
                {
                    failures.Add($"{page.Name}: '{page.Rows[i].Heading}' is '{headings[i].Id}', {name} makes '{expected}'");
                }
            }
        }
        Assert.True(compared > 100, $"only {compared} ids compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record Row(string Heading, string[] Ids);

    private sealed record Page(string Name, List<Row> Rows);

    private sealed record Corpus(List<string> Columns, List<Page> Pages);

    private static Corpus Load()
    {
        var lines = File.ReadAllLines(Path.Combine(DataDirectory, "slugs.tsv"), Encoding.UTF8);
        var header = lines[0].Split('\t');
        Assert.Equal(["page", "heading"], header[..2]);
        var pages = new List<Page>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            Assert.Equal(header.Length, cells.Length);
            if (pages.Count == 0 || pages[^1].Name != cells[0])
            {
                pages.Add(new Page(cells[0], []));
            }
            pages[^1].Rows.Add(new Row(cells[1], cells[2..]));
        }
        return new Corpus([.. header[2..]], pages);
    }
}
