namespace Crosswalk.Tests.Support;

/// <summary>A throwaway site folder for a test: files are written from (path, text) pairs and removed afterwards.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite(params (string Path, string Text)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "crosswalk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string ConfigPath => Path.Combine(Root, "site.yml");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Writes a file and moves its time ahead, so the change shows even on file systems with coarse timestamps.</summary>
    public void Touch(string relative, string text)
    {
        Write(relative, text);
        File.SetLastWriteTimeUtc(PathOf(relative), DateTime.UtcNow.AddSeconds(5));
    }

    /// <summary>Every file under <paramref name="folder"/> with its bytes, keyed by relative path.</summary>
    public SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var dir = PathOf(folder);
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(dir))
        {
            return result;
        }
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(dir, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
