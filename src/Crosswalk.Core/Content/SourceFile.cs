namespace Crosswalk.Content;

/// <summary>What kind of source a discovered file is.</summary>
public enum SourceKind
{
    /// <summary>A Markdown page (<c>.md</c> or <c>.mdx</c>).</summary>
    Page,
    /// <summary>Any other file, copied to the output as it is.</summary>
    Static,
}

/// <summary>A file found under the source folder.</summary>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="RelativePath">Path relative to the source folder, with <c>/</c> separators (e.g. <c>compliance/index.md</c>).</param>
/// <param name="DisplayPath">Path relative to the site root, as used in diagnostics (e.g. <c>content/compliance/index.md</c>).</param>
/// <param name="Kind">Page or static file.</param>
public sealed record SourceFile(string FullPath, string RelativePath, string DisplayPath, SourceKind Kind)
{
    /// <summary>True for <c>index.md</c>/<c>index.mdx</c>/<c>_index.md</c>, the page that stands for its folder.</summary>
    public bool IsIndex => Kind == SourceKind.Page && System.IO.Path.GetFileNameWithoutExtension(RelativePath) is "index" or "_index" or "README";

    /// <summary>A symbolic link (to a file inside the source folder): what it shows can change without it being touched.</summary>
    public bool IsLink { get; init; }

    /// <summary>
    /// The file's length and time of last change, (-1, MinValue) when it cannot be read: a link's target's, since a
    /// link's own do not change when its target is edited.
    /// </summary>
    public (long Length, DateTime LastWriteUtc) Stamp()
    {
        try
        {
            var info = new System.IO.FileInfo(FullPath);
            if (IsLink && info.ResolveLinkTarget(returnFinalTarget: true) is System.IO.FileInfo target)
            {
                info = target;
            }
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            return (-1, DateTime.MinValue);
        }
    }

    /// <summary>The folder part of <see cref="RelativePath"/> ("" at the root).</summary>
    public string Folder => RelativePath.LastIndexOf('/') is var i and >= 0 ? RelativePath[..i] : "";
}
