using System.Diagnostics;
using System.Globalization;

namespace Crosswalk.Output;

/// <summary>
/// The folders a build keeps beside the output folder <c>_site</c>, all carrying <see cref="SiteWriter.MarkerFile"/>:
/// <c>._site.crosswalk-tmp-&lt;pid&gt;</c>, what its owner is writing (a whole new site, or the changed files of a
/// rebuild); <c>._site.crosswalk-update</c>, a rebuild's committed changes while they are moved into place
/// (<see cref="OutputUpdate"/>). Their fixed names let the next build (holding <see cref="OutputLock"/>) tell, after a
/// crash at any instant, what to finish and what to throw away.
/// </summary>
public static class StagingFolders
{
    private const string TempInfix = ".crosswalk-tmp-";

    /// <summary>The new site of the build running as <paramref name="pid"/>.</summary>
    public static string Temp(string output, int pid) => Sibling(output, TempInfix + pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Where a rebuild's committed changes wait to be moved into the output folder.</summary>
    public static string Update(string output) => Sibling(output, ".crosswalk-update");

    /// <summary>
    /// Run holding the lock, before anything is written. A rebuild killed after its commit point left its update
    /// half moved in: it is finished. Then every leftover whose owner is gone is deleted.
    /// </summary>
    public static void Recover(string output)
    {
        OutputUpdate.RollForward(output);
        var parent = Path.GetDirectoryName(output)!;
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(output)}.crosswalk-*"))
        {
            var name = Path.GetFileName(dir);
            if (Abandoned(name.Contains(TempInfix, StringComparison.Ordinal) ? OwnerOf(name) : 0))
            {
                Delete(dir);
            }
        }
        // A body spill is unlinked as soon as it is open: one is left only by a build killed in between.
        foreach (var file in Directory.EnumerateFiles(parent, Content.BodySpill.Pattern(output)))
        {
            if (Abandoned(OwnerOf(Path.GetFileName(file))))
            {
                File.Delete(file);
            }
        }
    }

    // The build that made a leftover named "...-<pid>"; 0 when the name holds none.
    private static int OwnerOf(string name) =>
        int.TryParse(name[(name.LastIndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;

    // A leftover is deleted unless another build, still running, made it. This process's own id in a name is an
    // earlier process's: Recover runs before this build makes anything.
    private static bool Abandoned(int owner) => owner == 0 || owner == Environment.ProcessId || !IsAlive(owner);

    /// <summary>
    /// Deletes a folder of ours: everything but the marker, then the marker, then the folder. A folder cut short keeps
    /// its marker (the next build finishes the job); one without the marker is deleted only when empty.
    /// </summary>
    public static void Delete(string dir, Action? afterFirstEntry = null)
    {
        var marker = Path.Combine(dir, SiteWriter.MarkerFile);
        if (!File.Exists(marker))
        {
            TryRemoveEmpty(dir);
            return;
        }
        var first = true;
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry.Name == SiteWriter.MarkerFile)
            {
                continue;
            }
            if (entry is DirectoryInfo sub && sub.LinkTarget is null)
            {
                sub.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
            if (first)
            {
                first = false;
                afterFirstEntry?.Invoke();
            }
        }
        File.Delete(marker);
        Directory.Delete(dir);
    }

    /// <summary>True when <paramref name="dir"/> is a folder carrying the marker.</summary>
    public static bool HasMarker(string dir) => File.Exists(Path.Combine(dir, SiteWriter.MarkerFile));

    private static void TryRemoveEmpty(string dir)
    {
        if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
        }
    }

    private static string Sibling(string output, string suffix) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}{suffix}");

    /// <summary>True while process <paramref name="pid"/> runs.</summary>
    internal static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
