using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Caching;

/// <summary>
/// One page's parse as bytes and back: what <see cref="Markdown.PageParser"/> made of the file and what it reported.
/// Every member of <see cref="ParsedPage"/> and <see cref="PageMeta"/> is written (a test fails when one is added and not
/// written). The body comes last, so a reader that does not need it stops before it.
/// </summary>
internal static class ParsedPageCodec
{
    /// <summary>
    /// Writes <paramref name="page"/> (its body given in <paramref name="body"/> when <paramref name="hasBody"/>) and the
    /// parser's <paramref name="diagnostics"/>; the body is the last <c>body.Length</c> bytes, after <paramref name="headLength"/>.
    /// </summary>
    public static void Write(BinaryWriter w, ParsedPage page, ReadOnlySpan<byte> body, bool hasBody, IReadOnlyList<Diagnostic> diagnostics, out int headLength)
    {
        var file = page.Source.DisplayPath;
        w.Write(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            w.Write(d.Code);
            w.Write((byte)d.Severity);
            w.Write(d.Message);
            WriteLocation(w, d.Location, file);
            WriteText(w, d.Help);
        }
        WriteMeta(w, page.Meta, file);
        w.Write(page.Title);
        w.Write(page.Url);
        w.Write(page.HasH1);
        w.Write(page.TitleEnd);
        WriteList(w, page.Headings, h =>
        {
            w.Write(h.Level);
            w.Write(h.Id);
            w.Write(h.Text);
        });
        w.Write(page.Ids.Count);
        foreach (var id in page.Ids)
        {
            w.Write(id);
        }
        WriteList(w, page.Links, l =>
        {
            w.Write(l.Id);
            w.Write(l.Url);
            w.Write((byte)l.Kind);
            WriteLocation(w, l.Location, file);
            w.Write(l.Text);
        });
        WriteList(w, page.Tables, t =>
        {
            WriteList(w, t.Header, w.Write);
            WriteList(w, t.Rows, r =>
            {
                WriteList(w, r.Cells, c =>
                {
                    w.Write(c.Text);
                    WriteLocation(w, c.Location, file);
                    WriteList(w, c.LinkIds, w.Write);
                });
                WriteLocation(w, r.Location, file);
            });
            WriteLocation(w, t.Location, file);
        });
        WriteList(w, page.TableClaims, c =>
        {
            w.Write(c.Catalog);
            w.Write(c.CriterionId);
            WriteLocation(w, c.Location, file);
            WriteText(w, c.RowId);
            WriteList(w, c.LinkIds, w.Write);
            WriteText(w, c.Via);
        });
        w.Write(hasBody);
        headLength = checked((int)w.BaseStream.Position);
        if (hasBody)
        {
            w.Write(body);
        }
    }

    /// <summary>
    /// What <see cref="Write"/> wrote for <paramref name="source"/>, up to the body: the page (without it), the diagnostics,
    /// and whether a body follows. Links' URLs and texts go through <paramref name="intern"/> (a build's string pool).
    /// </summary>
    public static (ParsedPage Page, IReadOnlyList<Diagnostic> Diagnostics, bool HasBody) Read(BinaryReader r, SourceFile source, Func<string, string>? intern = null)
    {
        intern ??= static s => s;
        var file = source.DisplayPath;
        var diagnostics = ReadList(r, () => new Diagnostic(r.ReadString(), (Severity)r.ReadByte(), r.ReadString(), ReadLocation(r, file), ReadText(r)));
        var meta = ReadMeta(r, file);
        var page = new ParsedPage
        {
            Source = source,
            Meta = meta,
            Title = r.ReadString(),
            Url = r.ReadString(),
            HasH1 = r.ReadBoolean(),
            TitleEnd = r.ReadInt32(),
            BodyUtf8 = [],
            Headings = ReadList(r, () => new Heading(r.ReadInt32(), r.ReadString(), r.ReadString())),
            Ids = ReadIds(r),
            Links = ReadList(r, () => new LinkRef(r.ReadInt32(), intern(r.ReadString()), (LinkKind)r.ReadByte(), ReadLocation(r, file)!.Value, intern(r.ReadString()))),
            Tables = ReadList(r, () => new TableData(
                ReadList(r, r.ReadString),
                ReadList(r, () => new TableRowData(
                    ReadList(r, () => new TableCellData(r.ReadString(), ReadLocation(r, file)!.Value, ReadList(r, r.ReadInt32))),
                    ReadLocation(r, file)!.Value)),
                ReadLocation(r, file)!.Value)),
            TableClaims = ReadList(r, () => new ClaimRef(r.ReadString(), r.ReadString(), ReadLocation(r, file)!.Value, ReadText(r),
                ReadList(r, r.ReadInt32), ReadText(r))),
        };
        return (page, diagnostics, r.ReadBoolean());
    }

    private static void WriteMeta(BinaryWriter w, PageMeta m, string file)
    {
        WriteText(w, m.Title);
        WriteText(w, m.Name);
        WriteText(w, m.ShortTitle);
        WriteText(w, m.Summary);
        WriteText(w, m.Permalink);
        WriteLocation(w, m.PermalinkLocation, file);
        WriteText(w, m.Slug);
        WriteText(w, m.DocId);
        w.Write(m.NavOrder.HasValue);
        if (m.NavOrder is { } order)
        {
            w.Write(order);
        }
        WriteText(w, m.Layout);
        WriteText(w, m.Owner);
        WriteDate(w, m.LastReviewed);
        WriteDate(w, m.NextReview);
        WriteLocation(w, m.NextReviewAt, file);
        w.Write(m.ReviewEvery is not null);
        if (m.ReviewEvery is { } every)
        {
            w.Write(every.Count);
            w.Write((byte)every.Unit);
        }
        WriteLocation(w, m.ReviewEveryAt, file);
        WriteText(w, m.Version);
        w.Write(m.Change is { } change ? (byte)(change + 1) : (byte)0);
        WriteText(w, m.ApprovedBy);
        WriteDate(w, m.ApprovedOn);
        WriteList(w, m.ApprovalList, a => WriteApproval(w, a));
        WriteList(w, m.Approvals, a => WriteApproval(w, a));
        w.Write(m.Keys.Count);
        foreach (var (key, at) in m.Keys)
        {
            w.Write(key);
            WriteLocation(w, at, file);
        }
        w.Write(m.DocumentType is { } type ? (byte)(type + 1) : (byte)0);
        WriteList(w, m.Satisfies, s =>
        {
            w.Write(s.Catalog);
            w.Write(s.Expression);
            WriteLocation(w, s.Location, file);
            WriteLocation(w, s.CatalogAt, file);
        });
        WriteList(w, m.RedirectFrom, x =>
        {
            w.Write(x.Url);
            WriteLocation(w, x.Location, file);
        });
        w.Write(m.HideFromNav);
    }

    private static PageMeta ReadMeta(BinaryReader r, string file) => new()
    {
        Title = ReadText(r),
        Name = ReadText(r),
        ShortTitle = ReadText(r),
        Summary = ReadText(r),
        Permalink = ReadText(r),
        PermalinkLocation = ReadLocation(r, file),
        Slug = ReadText(r),
        DocId = ReadText(r),
        NavOrder = r.ReadBoolean() ? r.ReadDouble() : null,
        Layout = ReadText(r),
        Owner = ReadText(r),
        LastReviewed = ReadDate(r),
        NextReview = ReadDate(r),
        NextReviewAt = ReadLocation(r, file),
        ReviewEvery = r.ReadBoolean() ? new ReviewInterval(r.ReadInt32(), (IntervalUnit)r.ReadByte()) : null,
        ReviewEveryAt = ReadLocation(r, file),
        Version = ReadText(r),
        Change = r.ReadByte() is var change and > 0 ? (ChangeKind)(change - 1) : null,
        ApprovedBy = ReadText(r),
        ApprovedOn = ReadDate(r),
        ApprovalList = ReadList(r, () => ReadApproval(r)),
        Approvals = ReadList(r, () => ReadApproval(r)),
        Keys = ReadKeys(r, file),
        DocumentType = r.ReadByte() is var type and > 0 ? (DocumentType)(type - 1) : null,
        Satisfies = ReadList(r, () => new SatisfiesEntry(r.ReadString(), r.ReadString(), ReadLocation(r, file)!.Value, ReadLocation(r, file))),
        RedirectFrom = ReadList(r, () => (r.ReadString(), ReadLocation(r, file)!.Value)),
        HideFromNav = r.ReadBoolean(),
    };

    private static Dictionary<string, SourceLocation> ReadKeys(BinaryReader r, string file)
    {
        var count = r.ReadInt32();
        var keys = new Dictionary<string, SourceLocation>(Math.Clamp(count, 0, 4096));
        for (var i = 0; i < count; i++)
        {
            keys[r.ReadString()] = ReadLocation(r, file)!.Value;
        }
        return keys;
    }

    private static HashSet<string> ReadIds(BinaryReader r)
    {
        // Added in the order they were enumerated, so the set enumerates in the same order as the parse's.
        var count = r.ReadInt32();
        var ids = new HashSet<string>(Math.Clamp(count, 0, 4096), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            ids.Add(r.ReadString());
        }
        return ids;
    }

    private static void WriteApproval(BinaryWriter w, Approval a)
    {
        w.Write(a.By);
        WriteDate(w, a.On);
        WriteText(w, a.Role);
        WriteText(w, a.Version);
    }

    private static Approval ReadApproval(BinaryReader r) => new(r.ReadString(), ReadDate(r), ReadText(r), ReadText(r));

    private static void WriteDate(BinaryWriter w, DateOnly? date) => w.Write(date is { } d ? d.DayNumber + 1 : 0);

    private static DateOnly? ReadDate(BinaryReader r) => r.ReadInt32() is var n and > 0 ? DateOnly.FromDayNumber(n - 1) : null;

    private static void WriteText(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    // Most locations are in the page's own file: those are written without it.
    private static void WriteLocation(BinaryWriter w, SourceLocation? location, string file)
    {
        if (location is not { } at)
        {
            w.Write((byte)0);
            return;
        }
        var own = at.File == file;
        w.Write(own ? (byte)1 : (byte)2);
        if (!own)
        {
            w.Write(at.File);
        }
        w.Write(at.Line);
        w.Write(at.Column);
    }

    private static SourceLocation? ReadLocation(BinaryReader r, string file) => r.ReadByte() switch
    {
        0 => null,
        1 => new SourceLocation(file, r.ReadInt32(), r.ReadInt32()),
        2 => new SourceLocation(r.ReadString(), r.ReadInt32(), r.ReadInt32()),
        var tag => throw new InvalidDataException($"location tag {tag}"),
    };

    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> items, Action<T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    private static List<T> ReadList<T>(BinaryReader r, Func<T> read)
    {
        var count = r.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"list of {count}");
        }
        var items = new List<T>(Math.Min(count, 4096));
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }
        return items;
    }
}
