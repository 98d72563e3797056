namespace Crosswalk.Cli.Tests;

/// <summary>The repository the tests run from: its own site (site.yml, content/) is a fixture.</summary>
internal static class Repository
{
    /// <summary>The folder holding Crosswalk.slnx, above the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Crosswalk.slnx")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("Crosswalk.slnx not found above the test binaries");
        }
        return dir.FullName;
    }
}
