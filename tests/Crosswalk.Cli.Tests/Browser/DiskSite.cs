using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Tests.Browser;

/// <summary>A site built into a folder of its own for a browser to read from disk (file://); deleted when disposed.</summary>
internal sealed class DiskSite : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crosswalk-browser-tests", Guid.NewGuid().ToString("N"));

    private DiskSite()
    {
    }

    /// <summary>The built site.</summary>
    public string Output => Path.Combine(_root, "out");

    /// <summary>The repository's own site, built without revision history.</summary>
    public static DiskSite OfRepository() => new DiskSite().Build(Path.Combine(Repository.Root, "site.yml"), history: false);

    /// <summary>A site of <paramref name="files"/> (paths relative to its site.yml).</summary>
    public static DiskSite Of(IReadOnlyDictionary<string, string> files, bool history = true)
    {
        var site = new DiskSite();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(site._root, "site", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return site.Build(Path.Combine(site._root, "site", "site.yml"), history);
    }

    /// <summary>The file:// URL of <paramref name="path"/> in the built site.</summary>
    public string Url(string path) => new Uri(Path.Combine(Output, path)).AbsoluteUri;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private DiskSite Build(string config, bool history)
    {
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = config, OutputDirectory = Output, History = history });
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        return this;
    }
}
