using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Output;

/// <summary>Files of the source folder that are not Markdown, copied as they are. Their paths are placed by the Index stage.</summary>
internal sealed class StaticFiles : IArtifact
{
    public IEnumerable<OutputFile> Files(RenderModel model) => model.Site.Statics.Select(f => new StaticFile(f));
}

/// <summary>One static file.</summary>
internal sealed class StaticFile(SourceFile file) : OutputFile
{
    public override string Path => file.RelativePath;

    public override string Source => file.FullPath;

    // Its length and time of last change (a link's target's: a link's own do not change when the target is edited).
    public override ulong Fingerprint(RenderModel model)
    {
        var info = new FileInfo(file.FullPath);
        if (file.IsLink && info.Exists && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
        {
            info = target;
        }
        return info.Exists ? new Fnv().Add((ulong)info.Length).Add((ulong)info.LastWriteTimeUtc.Ticks).Value : 0;
    }

    public override bool Write(RenderModel model, RenderTarget target)
    {
        try
        {
            target.Sink.Copy(file.FullPath, Path);
            return true;
        }
        catch (UnreadableSourceException ex)
        {
            target.Diagnostics.Report(DiagnosticDescriptors.UnreadableSource, $"cannot read file: {ex.Message}", new SourceLocation(file.DisplayPath, 1, 1));
            return false;
        }
    }
}
