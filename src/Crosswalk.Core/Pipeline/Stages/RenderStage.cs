using System.Collections.Concurrent;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Output;

namespace Crosswalk.Pipeline;

/// <summary>
/// Stage <c>Render</c>: writes every file of every artifact to a sink: a folder (build), memory (serve) or nowhere
/// (check, which so reaches the verdict of a build: every template runs on every page it would run on).
/// </summary>
public static class RenderStage
{
    /// <summary>Renders the whole site into <paramref name="sink"/>.</summary>
    public static RenderedSite Run(RenderModel model, IOutputSink sink, BuildContext context, DiagnosticBag report)
    {
        var files = context.Artifacts.Files(model);
        using var target = new RenderTarget(sink, report, new TemplateIdSets());
        var outcome = Write(model, files, target);
        var paths = new HashSet<string>(files.Count, StringComparer.Ordinal);
        foreach (var file in files)
        {
            paths.Add(file.Path);
        }
        paths.ExceptWith(outcome.NotWritten);
        return new RenderedSite(target.TemplateIds, paths, outcome.PagesWritten);
    }

    /// <summary>
    /// What writing a set of files came to: the content pages whose render failed, the paths of every file not
    /// written (failed or unreadable: they are not part of the site) and how many content pages were written.
    /// </summary>
    public sealed record Outcome(HashSet<ParsedPage> Failed, HashSet<string> NotWritten, int PagesWritten);

    /// <summary>Writes <paramref name="files"/> in parallel.</summary>
    public static Outcome Write(RenderModel model, IReadOnlyList<OutputFile> files, RenderTarget target)
    {
        var failed = new ConcurrentBag<ParsedPage>();
        var notWritten = new ConcurrentBag<string>();
        var pagesWritten = 0;
        var writeFailed = 0;
        // Files differ in size by orders of magnitude (a criterion page can be a thousand content pages): handed out a
        // few at a time rather than in fixed ranges. A preview's edit writes one page: on this thread, not handed to
        // workers that the reload would wait for (on a busy 2-core machine they wait for a core).
        if (files.Count == 1)
        {
            One(files[0]);
        }
        else
        {
            Partitioner.Create(files as IList<OutputFile> ?? [.. files], loadBalance: true).AsParallel().ForAll(One);
        }
        return new Outcome([.. failed], [.. notWritten], pagesWritten);

        void One(OutputFile file)
        {
            if (Volatile.Read(ref writeFailed) != 0 || !TryWrite(file))
            {
                notWritten.Add(file.Path);
                if (file.Page is { } page)
                {
                    failed.Add(page);
                }
            }
            else if (file.Page is not null)
            {
                Interlocked.Increment(ref pagesWritten);
            }
        }

        // A full disk or a folder turned read-only fails every write after the first: it is reported once, at the
        // file that hit it, and nothing more is written (the build is then not committed and the old site stays).
        bool TryWrite(OutputFile file)
        {
            try
            {
                return file.Write(model, target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not UnreadableSourceException)
            {
                if (Interlocked.Exchange(ref writeFailed, 1) == 0)
                {
                    // At the page or copied file it was writing; a generated file (sitemap.xml) has no source.
                    var source = file.Page?.Source.DisplayPath ?? (file.Source is { } copied ? Discover.Relative(model.Config.RootDirectory, copied) : null);
                    SourceLocation? at = source is not null ? new SourceLocation(source, 1, 1) : null;
                    target.Diagnostics.Report(DiagnosticDescriptors.OutputError, $"cannot write '{file.Path}' to the output folder: {ex.Message}", at,
                        "free some space or fix the output folder's permissions; the previous site is left in place");
                }
                return false;
            }
        }
    }
}
