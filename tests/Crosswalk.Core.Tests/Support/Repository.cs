namespace Crosswalk.Tests.Support;

/// <summary>The repository checkout the tests run from, for tests that hold the sources or the README to the code.</summary>
internal static class Repository
{
    /// <summary>The folder holding Crosswalk.slnx, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crosswalk.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Crosswalk.slnx above {AppContext.BaseDirectory}");
    }
}
