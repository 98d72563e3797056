using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>Pipeline stage <c>Discover</c>: lists pages and static files under the source folder, in ordinal order.</summary>
public static class Discover
{
    /// <summary>
    /// Walks <paramref name="sourceDirectory"/>. Hidden entries (starting with <c>.</c>), editors' scratch files,
    /// <paramref name="excluded"/> folders, paths the <paramref name="filter"/> leaves out and directory links are skipped:
    /// a link could lead outside the source folder or loop. Each of <paramref name="staticDirectories"/> adds its files
    /// as static files at the site's root. The source paths of hidden and left-out entries go to <paramref name="skipped"/>,
    /// so a link to one can say why it fails.
    /// </summary>
    public static IReadOnlyList<SourceFile> Run(string sourceDirectory, string rootDirectory, IReadOnlyCollection<string> excluded, DiagnosticBag diagnostics,
        PathFilter? filter = null, IReadOnlyList<string>? staticDirectories = null, ICollection<string>? skipped = null)
    {
        var files = new List<SourceFile>();
        if (!Directory.Exists(sourceDirectory))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidConfig,
                $"source folder '{Relative(rootDirectory, sourceDirectory)}' does not exist", null);
            return files;
        }
        filter ??= PathFilter.None;
        Walk(new DirectoryInfo(sourceDirectory), "", sourceDirectory, statics: false);
        foreach (var folder in staticDirectories ?? [])
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is not null)
            {
                // A static folder that is a link could serve any folder of the machine (static -> /proc/self).
                diagnostics.Report(DiagnosticDescriptors.SymlinkNotFollowed, "symbolic link to a folder is not followed",
                    new SourceLocation(Relative(rootDirectory, folder), 1, 1));
            }
            else if (info.Exists)
            {
                Walk(info, "", folder, statics: true);
            }
        }
        // Stable: the same path in the source and a static folder keeps the walk's order (source first), on every machine.
        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];

        void Walk(DirectoryInfo dir, string prefix, string top, bool statics)
        {
            FileSystemInfo[] entries;
            try
            {
                entries = dir.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticDescriptors.UnreadableSource, $"cannot read folder: {ex.Message}",
                    new SourceLocation(Relative(rootDirectory, dir.FullName), 1, 1));
                return;
            }
            foreach (var entry in entries)
            {
                var relative = prefix + entry.Name;
                if (entry.Name.StartsWith('.'))
                {
                    if (!statics)
                    {
                        skipped?.Add(relative);
                    }
                    continue;
                }
                if (SourceNames.Problem(relative) is { } problem)
                {
                    diagnostics.Report(DiagnosticDescriptors.UnpublishableName, problem,
                        new SourceLocation(OperatingSystem.IsWindows() ? Relative(rootDirectory, entry.FullName)
                            : SourceNames.Display(Path.GetRelativePath(rootDirectory, entry.FullName)), 1, 1));
                    continue;
                }
                // From the listing's own file status: asking for LinkTarget costs a readlink per file. (-1: the entry
                // went away since the listing; its read reports it.)
                var attributes = entry.Attributes;
                var isLink = attributes != (FileAttributes)(-1) && (attributes & FileAttributes.ReparsePoint) != 0;
                if (entry is DirectoryInfo sub)
                {
                    if (isLink)
                    {
                        diagnostics.Report(DiagnosticDescriptors.SymlinkNotFollowed,
                            "symbolic link to a folder is not followed", new SourceLocation(Relative(rootDirectory, sub.FullName), 1, 1));
                        continue;
                    }
                    if (excluded.Any(e => PathsEqual(e, sub.FullName)))
                    {
                        continue;
                    }
                    if (!statics && filter.ExcludesFolder(relative))
                    {
                        skipped?.Add(relative);
                        continue;
                    }
                    Walk(sub, relative + "/", top, statics);
                }
                else
                {
                    if (!statics && filter.Excludes(relative))
                    {
                        skipped?.Add(relative);
                        continue;
                    }
                    if (isLink && !LinkStaysInside(entry, top))
                    {
                        diagnostics.Report(DiagnosticDescriptors.SymlinkNotFollowed,
                            "symbolic link leads outside the source folder (or nowhere) and is not read",
                            new SourceLocation(Relative(rootDirectory, entry.FullName), 1, 1));
                        continue;
                    }
                    if (EditorFiles.IsScratch(entry.Name))
                    {
                        continue;
                    }
                    if (FileKinds.Special(entry.FullName) is { } special)
                    {
                        // Reading a FIFO would wait forever for a writer; a device could never end.
                        diagnostics.Report(DiagnosticDescriptors.UnreadableSource, $"file is {special}, not a regular file, and is not read",
                            new SourceLocation(Relative(rootDirectory, entry.FullName), 1, 1), "remove it from the source folder");
                        continue;
                    }
                    var kind = !statics && UrlModel.IsPagePath(entry.Name) ? SourceKind.Page : SourceKind.Static;
                    files.Add(new SourceFile(entry.FullName, relative, Relative(rootDirectory, entry.FullName), kind) { IsLink = isLink });
                }
            }
        }
    }

    private static bool LinkStaysInside(FileSystemInfo link, string sourceDirectory)
    {
        try
        {
            var target = File.ResolveLinkTarget(link.FullName, returnFinalTarget: true);
            return target is { Exists: true } && FolderPaths.IsSameOrInside(Path.GetFullPath(sourceDirectory), Path.GetFullPath(target.FullName));
        }
        catch (IOException)
        {
            return false; // a loop of links
        }
    }

    /// <summary>Path relative to <paramref name="root"/> with <c>/</c> separators.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
