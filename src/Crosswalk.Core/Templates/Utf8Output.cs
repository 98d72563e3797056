using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Crosswalk.Templates;

/// <summary>
/// A Scriban output that encodes what a layout prints straight into the page's UTF-8 buffer, instead of growing a
/// string of the whole page to encode it afterwards. Given a marker, wherever the layout prints the marker itself (the
/// very string object handed to it as <c>page.content</c>), the body's UTF-8 bytes are written in its place; so for the
/// markers of its parts (<c>page.content_title</c>, <c>page.content_rest</c>).
/// </summary>
internal sealed class Utf8Output(ArrayBufferWriter<byte> target, (string Marker, Range Part)[]? markers = null, PageBody? body = null) : IScriptOutput
{
    /// <summary>An output writing <paramref name="body"/> where the layout prints <paramref name="marker"/>.</summary>
    public Utf8Output(ArrayBufferWriter<byte> target, string marker, PageBody body) : this(target, [(marker, PageBody.All)], body)
    {
    }

    // Stateful, so a surrogate pair printed in two pieces is still encoded as one character.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    /// <summary>
    /// True when the marker's text reached the output inside another string: the layout did more with the content
    /// than print it, and the page must be rendered with the body as text.
    /// </summary>
    public bool MarkerLeaked { get; private set; }

    /// <summary>Where in the target the body was written, each time the layout printed it.</summary>
    public List<Range> Bodies { get; } = [];

    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        // Called for every literal run of every template: a loop over an array, not an enumerator allocated per call.
        for (var i = 0; markers is not null && i < markers.Length; i++)
        {
            var (marker, part) = markers[i];
            if (ReferenceEquals(text, marker) && offset == 0 && count == text.Length)
            {
                Complete();
                var start = target.WrittenCount;
                body!.WriteTo(target, part);
                Bodies.Add(start..target.WrittenCount);
                return;
            }
            if (chars.Length >= marker.Length && chars.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                MarkerLeaked = true;
            }
        }
        // Most of a page is ASCII: copied byte for byte without the encoder's bookkeeping, unless the encoder holds
        // half of a surrogate pair from the last write.
        if (!_heldSurrogate && System.Text.Ascii.FromUtf16(chars, target.GetSpan(chars.Length), out var written) == OperationStatus.Done)
        {
            target.Advance(written);
            return;
        }
        _encoder.Convert(chars, target, flush: false, out _, out _);
        if (!chars.IsEmpty)
        {
            _heldSurrogate = char.IsHighSurrogate(chars[^1]);
        }
    }

    private bool _heldSurrogate;

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes out a character the last write left pending (a lone high surrogate, as U+FFFD).</summary>
    public void Complete()
    {
        _encoder.Convert([], target, flush: true, out _, out _);
        _heldSurrogate = false;
    }

    // Template.Render returns the output's text; this output keeps none.
    public override string ToString() => "";
}
