using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crosswalk.Search;

/// <summary>One page as the search index holds it.</summary>
/// <param name="Url">Canonical URL without base_url (<c>/a/b/</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Sections">Its sections, in order.</param>
public sealed record SearchEntry(string Url, string Title, IReadOnlyList<SearchSection> Sections);

/// <summary>
/// Writes the search index: a JavaScript file that assigns one global, so a page opened from <c>file://</c> can load it
/// with a script tag (a browser refuses <c>fetch()</c> of local files). Each page is
/// <c>[url, title, [[headingId, heading, text, moreTerms?], …]]</c>. To keep the index small beside the HTML, each
/// section keeps its text as written only up to <see cref="SectionChars"/> (and the page up to <see cref="PageChars"/>):
/// past that its words are kept once each, lower-cased, as terms that find the section without a snippet of their own.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>The global the index file assigns (search.js reads it).</summary>
    public const string Global = "crosswalkSearchIndex";

    /// <summary>Characters of a section's text kept as written.</summary>
    public const int SectionChars = 320;

    /// <summary>Characters of a page's text kept as written, over all its sections.</summary>
    public const int PageChars = 1600;

    // The file is JavaScript loaded by a script tag, never inlined into HTML: only what JSON itself needs is escaped,
    // so text in any language stays as short as it is.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One page's entry as UTF-8 JSON (an array), made once per page and joined by <see cref="Write"/>.</summary>
    public static byte[] Entry(SearchEntry entry)
    {
        // A buffer and writer per thread, kept between entries: a new buffer grown to each entry's size copied it over
        // and over.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        json.WriteStartArray();
        json.WriteStringValue(entry.Url);
        json.WriteStringValue(entry.Title);
        json.WriteStartArray();
        var budget = PageChars;
        foreach (var section in entry.Sections)
        {
            var (kept, terms) = Split(section.Text, Math.Min(SectionChars, budget));
            budget -= kept.Length;
            json.WriteStartArray();
            json.WriteStringValue(section.Id);
            json.WriteStringValue(section.Heading);
            json.WriteStringValue(kept);
            if (terms.Length > 0)
            {
                json.WriteStringValue(terms);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    /// <summary>
    /// <paramref name="text"/> cut at a word boundary within <paramref name="chars"/>, and the terms of the rest that the
    /// kept part does not hold, each once, in order of first appearance.
    /// </summary>
    public static (string Kept, string Terms) Split(string text, int chars)
    {
        if (text.Length <= chars)
        {
            return (text, "");
        }
        var cut = chars <= 0 ? 0 : text.LastIndexOf(' ', chars);
        cut = cut < 0 ? 0 : cut;
        // Each term is lower-cased into one buffer and remembered by where it stands there: no string is made of a term.
        // The set and the builder are the thread's, kept from section to section (they were most of the index's
        // allocations: a set sized for each text).
        var arena = ArrayPool<char>.Shared.Rent(text.Length);
        var slices = t_slices ??= new ArenaSlices();
        var seen = t_seen ??= new HashSet<(int Start, int Length)>(slices);
        var terms = t_terms ??= new StringBuilder();
        slices.Arena = arena;
        try
        {
            var at = 0;
            while (SearchText.NextTerm(text, ref at) is { } term)
            {
                var (start, length) = term.GetOffsetAndLength(text.Length);
                // Lower-casing keeps the length: the term's copy stands where the term does.
                text.AsSpan(start, length).ToLowerInvariant(arena.AsSpan(start, length));
                if (seen.Add((start, length)) && start >= cut)
                {
                    terms.Append(terms.Length == 0 ? "" : " ").Append(arena, start, length);
                }
            }
            return (text[..cut], terms.ToString());
        }
        finally
        {
            // A huge text's set is not kept for the thread's small ones.
            if (seen.Count > KeptTerms)
            {
                t_seen = null;
            }
            seen.Clear();
            terms.Clear();
            if (terms.Capacity > SearchText.KeptChars)
            {
                t_terms = null;
            }
            slices.Arena = [];
            ArrayPool<char>.Shared.Return(arena);
        }
    }

    // A set grown past this many terms is let go rather than kept for the thread's small texts.
    private const int KeptTerms = 1 << 16;

    [ThreadStatic]
    private static ArenaSlices? t_slices;

    [ThreadStatic]
    private static HashSet<(int Start, int Length)>? t_seen;

    [ThreadStatic]
    private static StringBuilder? t_terms;

    private static ReadOnlySpan<byte> Head => "/* Crosswalk search index, made by the build: see README, Search. */\nwindow."u8;
    private static ReadOnlySpan<byte> Wrap => "={\"deflate\":\""u8;
    private static ReadOnlySpan<byte> Unwrap => "\"};\n"u8;
    private static ReadOnlySpan<byte> Open => "{\"v\":1,\"pages\":[\n"u8;
    private static ReadOnlySpan<byte> Separator => ",\n"u8;
    private static ReadOnlySpan<byte> Close => "\n]}"u8;

    /// <summary>
    /// The zlib level the index is compressed at: 2 makes a 10,000-page index (28 MB of JSON) 7.0 MB (9.4 MB in base64)
    /// in about 170 ms here, where 6 saves another 1.2 MB for three times the time and 1 is 2 MB larger.
    /// </summary>
    public const int CompressionLevel = 2;

    /// <summary>
    /// Compressed bytes written for each entry when the first is asked for: about what a page's entry takes (a 10,000-page
    /// site's index is 9.4 MB), so a site's index usually lands in the buffer asked for first.
    /// </summary>
    private const int BytesPerEntry = 1024;

    /// <summary>
    /// Writes the index file of <paramref name="count"/> <paramref name="entries"/> (each from <see cref="Entry"/>),
    /// already in URL order: <c>window.crosswalkSearchIndex={"deflate":"…"};</c>, where the string is the base64 of
    /// the zlib-compressed JSON <c>{"v":1,"pages":[…]}</c>, which search.js inflates with the browser's
    /// <c>DecompressionStream("deflate")</c>. Compressed, the index is about a third of its JSON on disk and over hosts
    /// that do not compress. Each entry is compressed as it comes, so neither the JSON nor the entries are held whole.
    /// </summary>
    public static void Write(IEnumerable<byte[]> entries, int count, IBufferWriter<byte> output)
    {
        var global = Encoding.UTF8.GetBytes(Global);
        // Asked for once, before anything is written: a buffer grown by doubling to a large site's index leaves as much
        // again in discarded large arrays, which only a full collection frees.
        output.GetSpan((int)Math.Min(Head.Length + global.Length + Wrap.Length + Unwrap.Length + 1024L + (long)count * BytesPerEntry, Array.MaxLength));
        output.Write(Head);
        output.Write(global);
        output.Write(Wrap);
        var base64 = new Base64Sink(output);
        using (var zlib = new ZLibStream(base64, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true))
        {
            zlib.Write(Open);
            var first = true;
            foreach (var entry in entries)
            {
                if (!first)
                {
                    zlib.Write(Separator);
                }
                first = false;
                zlib.Write(entry);
            }
            zlib.Write(Close);
        }
        base64.Finish();
        output.Write(Unwrap);
    }

    /// <summary>Writes what is written to it as base64 (ASCII) into a buffer writer, three bytes to four characters.</summary>
    private sealed class Base64Sink(IBufferWriter<byte> output) : Stream
    {
        // The last one or two bytes of a write, waiting for the rest of their group of three.
        private readonly byte[] _carry = new byte[3];
        private int _carried;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_carried > 0)
            {
                var take = Math.Min(3 - _carried, buffer.Length);
                buffer[..take].CopyTo(_carry.AsSpan(_carried));
                _carried += take;
                buffer = buffer[take..];
                if (_carried < 3)
                {
                    return;
                }
                Encode(_carry, final: false);
                _carried = 0;
            }
            var whole = buffer.Length - buffer.Length % 3;
            Encode(buffer[..whole], final: false);
            buffer[whole..].CopyTo(_carry);
            _carried = buffer.Length - whole;
        }

        /// <summary>Writes the last bytes, padded.</summary>
        public void Finish()
        {
            Encode(_carry.AsSpan(0, _carried), final: true);
            _carried = 0;
        }

        private void Encode(ReadOnlySpan<byte> bytes, bool final)
        {
            if (bytes.Length == 0)
            {
                return;
            }
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
            Base64.EncodeToUtf8(bytes, span, out _, out var written, final);
            output.Advance(written);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    // Terms as slices of one buffer, compared by their characters.
    // Slices of the buffer the terms are lower-cased into (set for each text).
    private sealed class ArenaSlices : IEqualityComparer<(int Start, int Length)>
    {
        public char[] Arena { get; set; } = [];

        public bool Equals((int Start, int Length) x, (int Start, int Length) y) =>
            Arena.AsSpan(x.Start, x.Length).SequenceEqual(Arena.AsSpan(y.Start, y.Length));

        public int GetHashCode((int Start, int Length) slice) => string.GetHashCode(Arena.AsSpan(slice.Start, slice.Length));
    }
}
