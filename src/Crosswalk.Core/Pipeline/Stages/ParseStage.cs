using Crosswalk.Caching;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

/// <summary>
/// Stage <c>Parse</c>: reads each Markdown file (front matter, then Markdown) into a <see cref="ParsedPage"/>. Files
/// are independent: parsed in parallel, reported in file order.
/// </summary>
public sealed class ParseStage
{
    private readonly PageParser _parser;
    private readonly DocumentChecks _checks;
    private readonly Theme _theme;
    private readonly bool _layoutFallback;
    private readonly ParseCache? _cache;
    private readonly Func<PageMeta, bool>? _keepBody;
    private readonly BodySpill? _spill;
    private readonly StringPool? _strings;

    /// <summary>A parser for this build's site; with a <paramref name="cache"/>, a page parsed before with the same inputs is read from it.</summary>
    public ParseStage(BuildContext context, SiteInputs inputs, ParseCache? cache = null)
    {
        var config = context.Config;
        // A page's body is kept when some page will be written, or when its layout does more with the body than print
        // it (the layout's work may then depend on it): check reaches the verdict of a build either way.
        var theme = _theme = inputs.Theme;
        _layoutFallback = config.Profile.LayoutFallback;
        _checks = new DocumentChecks(config, context.Today);
        // Only when the fingerprint covers everything the parse reads is a cached page as good as a parsed one.
        // A cache inside the site's folders would be read as a page or copied into the output, or removed by the build.
        _cache = cache is not null && !cache.IsInside(config.SourceDirectory) && !cache.IsInside(config.OutputDirectory)
            && ParseInputs.Fingerprint(config, inputs.Catalogs) is { } fingerprint
            ? cache.Bind(fingerprint)
            : null;
        _parser = new PageParser(context.Markdown, context.Placeholders, new MappingTableAnnotator(config.Mappings, inputs.Catalogs, config.BaseUrl))
        {
            Schema = context.Schema,
            Urls = config.Profile.Urls,
            ComponentIds = config.Profile.MdxComponentIds,
            Snippets = (config.Profile.SnippetFolders, config.RootDirectory),
            FrontMatterStyle = config.FrontMatterStyle,
            Spill = _spill = context.Bodies,
            // Links repeat from page to page: a build keeps one string of each URL and text (at 100,000 pages the
            // links' strings were the largest part of what the parsed site holds).
            Strings = _strings = context.HoldsSite ? new StringPool() : null,
            KeepBody = _keepBody = context.RendersPages ? null : meta => !theme.PrintsContentVerbatim(Theme.LayoutPath(meta.Layout)),
            // Only tables a coverage rule could read are kept (mapping tables give their claims while parsing).
            KeepTable = header => config.Coverage.Any(rule => ResolveCriteria.CoverageColumns(header, rule) is not null),
        };
    }

    /// <summary>
    /// Parses every page of <paramref name="files"/>; what each reported goes to <paramref name="report"/> in file order.
    /// The cache, if any, is then written for the next run.
    /// </summary>
    public ParsedSite Run(SourceSet files, DiagnosticBag report)
    {
        var site = Collect(files.PageFiles.AsParallel().AsOrdered().Select(Parse).ToArray(), report);
        _cache?.Save(files.PageFiles);
        return site;
    }

    /// <summary>The site made of <paramref name="entries"/> (in file order), their diagnostics replayed into <paramref name="report"/>.</summary>
    public static ParsedSite Collect(IReadOnlyList<ParseEntry> entries, DiagnosticBag report) => Collect(entries, report, null);

    /// <summary>As <see cref="Collect(IReadOnlyList{ParseEntry}, DiagnosticBag)"/>; what was reported is also added to <paramref name="replayed"/>.</summary>
    public static ParsedSite Collect(IReadOnlyList<ParseEntry> entries, DiagnosticBag report, List<Diagnostic>? replayed)
    {
        var pages = new List<ParsedPage>(entries.Count);
        var fallbacks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // Replayed through the site's bag, which applies severity overrides; a layout fallback is said once, at the
            // first page that asks for that layout.
            foreach (var d in entry.Diagnostics)
            {
                if (d.Code != DiagnosticDescriptors.LayoutFallback.Code || fallbacks.Add(d.Message))
                {
                    report.Add(d);
                    replayed?.Add(d);
                }
            }
            if (entry.Page is not null)
            {
                pages.Add(entry.Page);
            }
        }
        return new ParsedSite(pages);
    }

    // Under a generator's profile, a layout of the generator's theme (Jekyll's 'default') is rendered with the default one.
    private ParsedPage WithLayoutFallback(ParsedPage page, DiagnosticBag bag)
    {
        if (!_layoutFallback || page.Meta.Layout is not { } layout || _theme.Get(Theme.LayoutPath(layout)) is not null)
        {
            return page;
        }
        bag.Report(DiagnosticDescriptors.LayoutFallback, $"layout '{layout}' is not in the theme; pages that ask for it use the default layout",
            page.Meta.Keys.TryGetValue("layout", out var at) ? at : new SourceLocation(page.Source.DisplayPath, 1, 1));
        return page with { Meta = page.Meta with { Layout = null } };
    }

    // The page the cache holds for these bytes, else the page parsed (and kept in the cache). Either way the same
    // diagnostics reach the page's bag: those the parser reported, replayed from the cache on a hit.
    private ParsedPage? ParseOrRecall(ParseCache cache, SourceFile file, ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(bytes);
        if (Recall(cache, file, hash) is { } hit)
        {
            foreach (var d in hit.Diagnostics)
            {
                bag.Add(d);
            }
            return hit.Page;
        }
        if (SourceReader.Decode(file, bytes, bag) is not { } text)
        {
            return null;
        }
        // The parser reports into a bag of its own, whose diagnostics go into the cache; they reach the page's bag even
        // when the parse stops half-way (a page nested too deeply), as they do without a cache.
        var parsed = new DiagnosticBag();
        ParsedPage page;
        IReadOnlyList<Diagnostic> diagnostics = [];
        try
        {
            page = _parser.Parse(file, text, parsed);
        }
        finally
        {
            diagnostics = parsed.ToSortedList();
            bag.AddRange(diagnostics);
        }
        var keep = _keepBody?.Invoke(page.Meta) ?? true;
        var record = s_records.Value!;
        record.Stream.SetLength(0);
        ParsedPageCodec.Write(record.Writer, page, keep ? page.BodyUtf8 : [], keep, diagnostics, out var headLength);
        record.Writer.Flush();
        cache.Add(file.RelativePath, hash, record.Stream.GetBuffer().AsSpan(0, (int)record.Stream.Length), headLength, keep);
        return page;
    }

    // The cached page, with its body when this run keeps it: none when the cache holds no body and one is needed.
    private (ParsedPage Page, IReadOnlyList<Diagnostic> Diagnostics)? Recall(ParseCache cache, SourceFile file, byte[] hash)
    {
        if (!cache.TryGet(file.RelativePath, hash, r => ParsedPageCodec.Read(r, file, _strings is { } pool ? pool.Intern : null), out var found))
        {
            return null;
        }
        var (page, diagnostics, hasBody) = found;
        if (!(_keepBody?.Invoke(page.Meta) ?? true))
        {
            // As the parser leaves a body it does not keep: empty, with no title measured in it.
            return (page with { TitleEnd = 0 }, diagnostics);
        }
        if (!hasBody)
        {
            return null;
        }
        // A build keeps bodies out of memory: the cached one stays in the cache file, as a parsed one goes to the spill.
        if (_spill is not null && cache.LendsBodies)
        {
            return cache.BodyInPlace(file.RelativePath) is { } inPlace ? (page with { BodyUtf8 = [], Spilled = inPlace }, diagnostics) : null;
        }
        if (cache.ReadBody(file.RelativePath) is not { } body)
        {
            return null;
        }
        var spilled = _spill?.TryAdd(body);
        return (page with { BodyUtf8 = spilled is null ? body : [], Spilled = spilled }, diagnostics);
    }

    // One buffer per thread for the record of a page going into the cache.
    private static readonly ThreadLocal<(MemoryStream Stream, BinaryWriter Writer)> s_records = new(() =>
    {
        var stream = new MemoryStream();
        return (stream, new BinaryWriter(stream, System.Text.Encoding.UTF8));
    });

    /// <summary>Parses one file. A page Markdig refuses is CW4002 and left out; the build goes on.</summary>
    public ParseEntry Parse(SourceFile file)
    {
        var bag = new DiagnosticBag();
        ParsedPage? page = null;
        try
        {
            page = _cache is null
                ? SourceReader.Read(file, bag) is { } text ? _parser.Parse(file, text, bag) : null
                : SourceReader.Read(file, bag, bytes => ParseOrRecall(_cache, file, bytes, bag));
            if (page is not null)
            {
                _checks.Report(file, page.Meta, bag);
                page = WithLayoutFallback(page, bag);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or InsufficientExecutionStackException or IndexOutOfRangeException or FormatException)
        {
            bag.Report(DiagnosticDescriptors.UnprocessablePage, $"the page cannot be processed: {ex.Message}",
                new SourceLocation(file.DisplayPath, 1, 1), "simplify the deepest nesting of lists, quotes, brackets or HTML");
        }
        return new ParseEntry(page, bag.ToSortedList());
    }
}
