namespace Crosswalk.Cli.Tests.Bundle;

/// <summary>A test that needs poppler's pdftoppm (CI installs poppler-utils): skipped, saying why, where it is missing.</summary>
public sealed class PdftoppmFactAttribute : FactAttribute
{
    public PdftoppmFactAttribute()
    {
        if (Path is null)
        {
            Skip = "pdftoppm is not installed (apt-get install -y poppler-utils): the pages are not rendered to PNG";
        }
    }

    /// <summary>pdftoppm on PATH, or null.</summary>
    public static string? Path => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
        .Select(dir => System.IO.Path.Combine(dir, "pdftoppm")).FirstOrDefault(File.Exists);
}
