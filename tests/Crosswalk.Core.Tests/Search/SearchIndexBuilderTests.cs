using System.Buffers;
using System.Text;
using System.Text.Json;
using Crosswalk.Search;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    private static string Index(params SearchEntry[] entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SearchIndexBuilder.Write(entries.Select(SearchIndexBuilder.Entry), entries.Length, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The JSON the file holds compressed.
    private static JsonElement Json(string index) => SearchIndexFile.Parse(index);

    [Fact]
    public void The_file_is_asked_for_in_one_piece_before_anything_is_written()
    {
        // A buffer grown by doubling to the size of a large site's index leaves as much again in discarded arrays.
        var entries = Enumerable.Range(0, 200).Select(i => SearchIndexBuilder.Entry(new SearchEntry($"/p{i}/", $"Page {i}", [new SearchSection("", "", "Some text")]))).ToList();
        var output = new HintRecorder();

        SearchIndexBuilder.Write(entries, entries.Count, output);

        Assert.True(output.Hints[0] >= output.Written, $"asked for {output.Hints[0]} bytes first, wrote {output.Written}");
        Assert.Equal(Index([.. Enumerable.Range(0, 200).Select(i => new SearchEntry($"/p{i}/", $"Page {i}", [new SearchSection("", "", "Some text")]))]),
            Encoding.UTF8.GetString(output.Buffer.WrittenSpan));
    }

    [Fact]
    public void The_compressed_json_is_exactly_the_entries_joined_and_the_same_every_time()
    {
        // Entries of every length modulo 3 and far past zlib's own buffer, so the base64 carries every remainder.
        var random = new Random(7);
        var entries = Enumerable.Range(0, 300).Select(i => new SearchEntry($"/p{i}/", $"Page {i}",
            [new SearchSection("s", "S", string.Concat(Enumerable.Range(0, random.Next(0, 400)).Select(_ => (char)random.Next('a', 'z' + 1))))])).ToList();
        var json = entries.Select(e => Encoding.UTF8.GetString(SearchIndexBuilder.Entry(e))).ToList();

        var index = Index([.. entries]);

        Assert.Equal("{\"v\":1,\"pages\":[\n" + string.Join(",\n", json) + "\n]}", SearchIndexFile.Json(index));
        Assert.Equal(index, Index([.. entries]));
        Assert.EndsWith("\"};\n", index, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_is_a_fraction_of_its_json()
    {
        var entries = Enumerable.Range(0, 500).Select(i => new SearchEntry($"/policies/p{i}/", $"Policy {i}",
            [new SearchSection("scope", "Scope", $"Access reviews for system {i} are run quarterly by the security team.")])).ToList();

        var index = Index([.. entries]);

        Assert.True(index.Length * 3 < SearchIndexFile.Json(index).Length, $"{index.Length} bytes for {SearchIndexFile.Json(index).Length} of JSON");
    }

    // Records the size asked of each GetSpan and GetMemory.
    private sealed class HintRecorder : IBufferWriter<byte>
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new();
        public List<int> Hints { get; } = [];
        public int Written => Buffer.WrittenCount;
        public void Advance(int count) => Buffer.Advance(count);
        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Hints.Add(sizeHint);
            return Buffer.GetMemory(sizeHint);
        }
        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Hints.Add(sizeHint);
            return Buffer.GetSpan(sizeHint);
        }
    }

    [Fact]
    public void The_file_assigns_one_global_so_a_script_tag_loads_it_from_file_urls()
    {
        var index = Index(new SearchEntry("/a/", "A", [new SearchSection("", "", "Text")]));

        Assert.Contains("window." + SearchIndexBuilder.Global + "={", index, StringComparison.Ordinal);
        var page = Json(index).GetProperty("pages")[0];
        Assert.Equal("/a/", page[0].GetString());
        Assert.Equal("A", page[1].GetString());
        Assert.Equal(["", "", "Text"], page[2][0].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Page_text_that_would_end_the_string_or_the_script_is_escaped()
    {
        var hostile = "\"};alert(1);//</script><b>\u2028\\";
        var index = Index(new SearchEntry("/a/", hostile, [new SearchSection("h", hostile, hostile)]));

        var page = Json(index).GetProperty("pages")[0];
        Assert.Equal(hostile, page[1].GetString());
        Assert.Equal(hostile, page[2][0][2].GetString());
        Assert.Contains("\\\"};alert", SearchIndexFile.Json(index), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_past_the_section_budget_is_kept_as_new_terms_only()
    {
        var text = string.Join(' ', Enumerable.Repeat("Access reviews are quarterly.", 20)) + " Final CC6.1 mention, Access.";

        var (kept, terms) = SearchIndexBuilder.Split(text, SearchIndexBuilder.SectionChars);

        Assert.True(kept.Length <= SearchIndexBuilder.SectionChars);
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
        Assert.Equal("final cc6.1 mention", terms);
    }

    [Fact]
    public void A_split_is_the_same_after_other_splits_on_the_same_thread()
    {
        // Each thread keeps its set of seen terms from text to text: nothing of one text may reach the next.
        var first = string.Join(' ', Enumerable.Repeat("Access reviews are quarterly.", 20)) + " Final CC6.1 mention, Access.";
        var huge = string.Join(' ', Enumerable.Range(0, 80_000).Select(i => "term" + i));
        var other = string.Join(' ', Enumerable.Repeat("Vendors are reviewed yearly.", 20)) + " Final review, Vendors, mention.";

        var hugeSplit = SearchIndexBuilder.Split(huge, 10);
        var before = SearchIndexBuilder.Split(first, SearchIndexBuilder.SectionChars);
        var between = SearchIndexBuilder.Split(other, SearchIndexBuilder.SectionChars);
        var after = SearchIndexBuilder.Split(first, SearchIndexBuilder.SectionChars);

        Assert.Equal(("final cc6.1 mention", "final review mention"), (before.Terms, between.Terms));
        Assert.Equal(before, after);
        Assert.Equal(79_999, hugeSplit.Terms.Split(' ').Length);
    }

    [Fact]
    public void A_page_keeps_at_most_its_budget_of_text_over_all_sections()
    {
        var sections = Enumerable.Range(0, 20).Select(i => new SearchSection("s" + i, "S" + i, string.Join(' ', Enumerable.Repeat($"word{i}", 100)))).ToList();

        var page = Json(Index(new SearchEntry("/a/", "A", sections))).GetProperty("pages")[0][2];

        Assert.Equal(20, page.GetArrayLength());
        Assert.True(page.EnumerateArray().Sum(s => s[2].GetString()!.Length) <= SearchIndexBuilder.PageChars);
        // Every section is still found by its words.
        Assert.All(page.EnumerateArray().Select((s, i) => (s, i)), x => Assert.Contains($"word{x.i}", x.s[2].GetString() + (x.s.GetArrayLength() > 3 ? x.s[3].GetString() : "")));
    }

    [Fact]
    public void The_same_entries_give_the_same_bytes()
    {
        SearchEntry[] entries = [new("/b/", "B", [new("", "", "Zeta alpha. " + new string('x', 400) + " beta gamma beta")]), new("/a/", "A", [])];

        Assert.Equal(Index(entries), Index(entries));
    }
}
