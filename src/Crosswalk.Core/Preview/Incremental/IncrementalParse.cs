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
    // stands, and which pages are links.
    private sealed record LastRun(SourceSet Files, ParseEntry[] Entries, Dictionary<string, int> Place, int[] Links);

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
            _last = last with { Entries = entries };
            return ParseStage.Collect(entries, report);
        }
        var parsed = files.PageFiles.AsParallel().AsOrdered().Select(f => Parse(stage, f, changed)).ToArray();
        var live = files.Files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _parsed.Keys.Where(k => !live.Contains(k)).ToList())
        {
            _parsed.Remove(gone);
        }
        _last = new LastRun(files, parsed,
            files.PageFiles.Select((f, i) => (f.FullPath, i)).ToDictionary(x => x.FullPath, x => x.i, StringComparer.Ordinal),
            [.. files.PageFiles.Select((f, i) => (f, i)).Where(x => x.f.IsLink).Select(x => x.i)]);
        return ParseStage.Collect(parsed, report);
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
