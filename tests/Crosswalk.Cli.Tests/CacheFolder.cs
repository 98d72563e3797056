using System.Runtime.CompilerServices;

namespace Crosswalk.Cli.Tests;

/// <summary>The CLI keeps its parse cache in the user's cache folder: the tests' runs (and their children) keep it under the temporary folder instead.</summary>
internal static class CacheFolder
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crosswalk-cli-tests", "cache-" + Environment.ProcessId);

    [ModuleInitializer]
    internal static void Set()
    {
        Environment.SetEnvironmentVariable("CROSSWALK_CACHE_DIR", Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        };
    }
}
