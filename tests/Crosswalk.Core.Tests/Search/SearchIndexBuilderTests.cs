using System.Buffers;
using System.Text;
using System.Text.Json;
using Crosswalk.Search;

namespace Crosswalk.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    private static string Index(params SearchEntry[] entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SearchIndexBuilder.Write([.. entries.Select(e => SearchIndexBuilder.Entry(e))], buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The JSON the file assigns to its global.
    private static JsonElement Json(string index)
    {
        var start = index.IndexOf('=', StringComparison.Ordinal) + 1;
        return JsonDocument.Parse(index[start..index.LastIndexOf(';')]).RootElement;
    }

    [Fact]
    public void The_whole_file_is_asked_for_before_anything_is_written()
    {
        // A buffer grown by doubling to the size of a large site's index leaves as much again in discarded arrays.
        var entries = Enumerable.Range(0, 200).Select(i => SearchIndexBuilder.Entry(new SearchEntry($"/p{i}/", $"Page {i}", [new SearchSection("", "", "Some text")]))).ToList();
        var output = new HintRecorder();

        SearchIndexBuilder.Write(entries, output);

        Assert.Equal(output.Written, output.Hints[0]);
        Assert.Equal(Index([.. Enumerable.Range(0, 200).Select(i => new SearchEntry($"/p{i}/", $"Page {i}", [new SearchSection("", "", "Some text")]))]),
            Encoding.UTF8.GetString(output.Buffer.WrittenSpan));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Packed_entries_make_the_same_index_and_it_is_still_asked_for_whole(bool compact)
    {
        var entries = Enumerable.Range(0, 50).Select(i => new SearchEntry($"/p{i}/", $"Page {i}", [new SearchSection("s", "Scope", $"Text of page {i}, é ü 日本")])).ToList();
        var output = new HintRecorder();

        SearchIndexBuilder.Write([.. entries.Select(e => SearchIndexBuilder.Entry(e, packed: true, compact))], output, packed: true);

        Assert.Equal(Index([.. entries]), Encoding.UTF8.GetString(output.Buffer.WrittenSpan));
        Assert.Equal(output.Written, output.Hints[0]);
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
        Assert.Contains("\\\"};alert", index, StringComparison.Ordinal);
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
