using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Preview.Incremental;

/// <summary>
/// The Parse stage for a preview: a file is parsed again only when the watcher reported it or its stamp changed (a
/// link always, its target may have changed). While no file came or went, only the reported files are looked at.
/// </summary>
internal sealed class IncrementalParse
{
    // A file's last parse, with the length and time its file had then.
    private sealed record Stamped(long Length, DateTime LastWriteUtc, ParseEntry Entry);

    // The last run: its files (the same object while no file came or went), each page's entry, where each page's path
    // stands, and which pages are links; what it collected, with each entry's place among the pages (-1: none).
    private sealed record LastRun(SourceSet Files, ParseEntry[] Entries, Dictionary<string, int> Place, int[] Links, Collected Collected);

    private sealed record Collected(ParsedSite Site, int[] PagePlace, List<Diagnostic> Reported);

    private readonly Dictionary<string, Stamped> _parsed = new(StringComparer.Ordinal);
    private LastRun? _last;

    public ParsedSite Run(ParseStage stage, SourceSet files, IReadOnlySet<string>? changed, DiagnosticBag report)
    {
        if (changed is not null && _last is { } last && ReferenceEquals(last.Files, files))
        {
            // The files of the last build: nothing is gone, so nothing is forgotten.
            var entries = (ParseEntry[])last.Entries.Clone();
            var again = last.Links.Concat(changed.Select(p => last.Place.GetValueOrDefault(p, -1)).Where(i => i >= 0)).Distinct().ToList();
            // An edit is usually one file: parsed on this thread, not handed to workers that would wait for a core.
            var parses = again.Count == 1 ? again.Select(i => (i, Parse(stage, files.PageFiles[i], changed))).ToList()
                : again.AsParallel().Select(i => (i, Parse(stage, files.PageFiles[i], changed))).ToList();
            foreach (var (i, entry) in parses)
            {
                entries[i] = entry;
            }
            var collected = Update(last, parses) ?? Collect(entries, report: null);
            _last = last with { Entries = entries, Collected = collected };
            report.AddRange(collected.Reported);
            return collected.Site;
        }
        var parsed = files.PageFiles.AsParallel().AsOrdered().Select(f => Parse(stage, f, changed)).ToArray();
        var live = files.Files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _parsed.Keys.Where(k => !live.Contains(k)).ToList())
        {
            _parsed.Remove(gone);
        }
        var all = Collect(parsed, report);
        _last = new LastRun(files, parsed,
            files.PageFiles.Select((f, i) => (f.FullPath, i)).ToDictionary(x => x.FullPath, x => x.i, StringComparer.Ordinal),
            [.. files.PageFiles.Select((f, i) => (f, i)).Where(x => x.f.IsLink).Select(x => x.i)], all);
        return all.Site;
    }

    private static Collected Collect(ParseEntry[] entries, DiagnosticBag? report)
    {
        var reported = new List<Diagnostic>();
        var site = ParseStage.Collect(entries, report ?? new DiagnosticBag(), reported);
        var place = new int[entries.Length];
        for (int i = 0, next = 0; i < entries.Length; i++)
        {
            place[i] = entries[i].Page is null ? -1 : next++;
        }
        return new Collected(site, place, reported);
    }

    // The last collection with the pages parsed again swapped in, when that is all that changed: each was a page and
    // still is, and none reported anything before or now. Otherwise null (collected afresh). Collecting afresh reads
    // every page's entry, about a tenth of a 10,000-page edit's rebuild.
    private static Collected? Update(LastRun last, IReadOnlyList<(int Place, ParseEntry Entry)> parses)
    {
        var before = last.Collected;
        if (parses.Any(p => p.Entry.Page is null || p.Entry.Diagnostics.Count > 0 || last.Entries[p.Place].Page is null || last.Entries[p.Place].Diagnostics.Count > 0))
        {
            return null;
        }
        var pages = new List<ParsedPage>(before.Site.Pages);
        foreach (var (place, entry) in parses)
        {
            pages[before.PagePlace[place]] = entry.Page!;
        }
        return before with { Site = new ParsedSite(pages) };
    }

    private Stamped? Cached(SourceFile file)
    {
        // Files are parsed in parallel: the dictionary is read and written under its lock.
        lock (_parsed)
        {
            return _parsed.GetValueOrDefault(file.FullPath);
        }
    }

    private ParseEntry Parse(ParseStage stage, SourceFile file, IReadOnlySet<string>? changed)
    {
        // A file the watcher did not report is as it was; a link is checked anyway, its target may have changed.
        if (changed is not null && !file.IsLink && !changed.Contains(file.FullPath) && Cached(file) is { } unchanged && unchanged.Entry.Page?.Source == file)
        {
            return unchanged.Entry;
        }
        var (length, stamp) = file.Stamp();
        // A file the watcher reported is read again even when it kept its length and time (an edit can keep both).
        if (changed?.Contains(file.FullPath) != true && Cached(file) is { } cached && cached.Length == length && cached.LastWriteUtc == stamp && cached.Entry.Page?.Source == file)
        {
            return cached.Entry;
        }
        var entry = stage.Parse(file);
        lock (_parsed)
        {
            _parsed[file.FullPath] = new Stamped(length, stamp, entry);
        }
        return entry;
    }
}
