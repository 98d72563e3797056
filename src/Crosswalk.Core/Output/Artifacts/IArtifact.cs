using System.Buffers;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Output;

/// <summary>
/// One kind of output of the site (content pages, criteria pages, the 404 page, the sitemap, redirect pages, static
/// files, theme assets): it declares the paths it reserves and lists the files it writes, each of which writes itself.
/// A new output is one class and one line in <see cref="ArtifactRegistry"/>; build, check and serve take it from there.
/// </summary>
public interface IArtifact
{
    /// <summary>
    /// Paths taken before any page or static file is placed (one there is CW1004), with a description of the owner;
    /// <paramref name="pages"/> are the pages to be placed (an output may exist only for some sites).
    /// </summary>
    IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => [];

    /// <summary>The files this artifact writes for the site.</summary>
    IEnumerable<OutputFile> Files(RenderModel model);
}

/// <summary>One file of the output.</summary>
public abstract class OutputFile
{
    /// <summary>Its path in the output folder, with <c>/</c>.</summary>
    public abstract string Path { get; }

    /// <summary>The content page it shows, if any: a preview reuses it while that page's parse is the same.</summary>
    public virtual ParsedPage? Page => null;

    /// <summary>The absolute path of the source file it is a copy of, if any: a preview writes it again when that file is reported changed.</summary>
    public virtual string? Source => null;

    /// <summary>
    /// Whether telling that the file changed reads the whole site (the search index, the sitemap, criteria pages): a
    /// preview's edit leaves such a file until after the reload. False for a file of neither a page nor a source whose
    /// fingerprint is known without reading anything (a theme asset).
    /// </summary>
    public virtual bool ReadsWholeSite => Page is null && Source is null;

    /// <summary>
    /// A fingerprint of everything the file is made from besides <see cref="Page"/> and what a preview never changes
    /// (site.yml, theme, catalogs): equal fingerprints give equal bytes.
    /// </summary>
    public abstract ulong Fingerprint(RenderModel model);

    /// <summary>
    /// Writes the file to <paramref name="target"/>; false when it could not (a template failed, the source cannot be
    /// read), reported there. No earlier version of the file then stands for it.
    /// </summary>
    public abstract bool Write(RenderModel model, RenderTarget target);
}

/// <summary>Where files are written while rendering, with per-thread buffers. Thread-safe.</summary>
public sealed class RenderTarget(IOutputSink sink, DiagnosticBag diagnostics, TemplateIdSets templateIds) : IDisposable
{
    /// <summary>The output.</summary>
    public IOutputSink Sink => sink;
    /// <summary>The build's diagnostics.</summary>
    public DiagnosticBag Diagnostics => diagnostics;
    /// <summary>The template-added ids of the pages rendered.</summary>
    public TemplateIdSets TemplateIds => templateIds;

    // Per thread, reused file after file: the buffer a file is made in, and the one a page is copied into with its URLs
    // made relative (relative_urls). One that grew for an outsized page is let go.
    private readonly ThreadLocal<ArrayBufferWriter<byte>?> _buffers = new();
    private readonly ThreadLocal<ArrayBufferWriter<byte>?> _published = new();

    private static ArrayBufferWriter<byte> Empty(ThreadLocal<ArrayBufferWriter<byte>?> perThread)
    {
        var buffer = perThread.Value;
        if (buffer is null || buffer.Capacity > 4 * 1024 * 1024)
        {
            perThread.Value = buffer = new ArrayBufferWriter<byte>(64 * 1024);
        }
        buffer.ResetWrittenCount();
        return buffer;
    }

    /// <summary>This thread's empty buffer.</summary>
    public ArrayBufferWriter<byte> Buffer() => Empty(_buffers);

    /// <summary>
    /// Writes a page <paramref name="view"/> was rendered to: under <c>relative_urls</c> with its site URLs relative to
    /// where it is published, except a not-found page, which a host serves at any URL.
    /// </summary>
    public void WritePage(RenderModel model, string path, Templates.PageView view, ArrayBufferWriter<byte> page)
    {
        if (!model.Config.RelativeUrls || model.DiscardsOutput || view.ServedAnywhere)
        {
            sink.Write(path, page.WrittenSpan);
            return;
        }
        var published = Empty(_published);
        model.RelativeUrls.Rewrite(page.WrittenSpan, view.Url, published);
        sink.Write(path, published.WrittenSpan);
    }

    /// <summary>Lets go of the per-thread buffers.</summary>
    public void Dispose()
    {
        _buffers.Dispose();
        _published.Dispose();
    }
}
