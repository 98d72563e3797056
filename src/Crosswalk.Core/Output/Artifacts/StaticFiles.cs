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

    // Its length and time of last change.
    public override ulong Fingerprint(RenderModel model)
    {
        var (length, time) = file.Stamp();
        return new Fnv().Add((ulong)length).Add((ulong)time.Ticks).Value;
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
