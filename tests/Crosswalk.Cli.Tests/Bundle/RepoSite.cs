namespace Crosswalk.Cli.Tests.Bundle;

/// <summary>A copy of the repository's own site (content/ and site.yml) in a temporary folder, deleted when disposed.</summary>
internal sealed class RepoSite : IDisposable
{
    private RepoSite(string root) => Root = root;

    public string Root { get; }

    public static RepoSite Copy()
    {
        var root = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", "repo-" + Guid.NewGuid().ToString("N"));
        var content = Path.Combine(Repository.Root, "content");
        foreach (var file in Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "content", Path.GetRelativePath(content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Copy(Path.Combine(Repository.Root, "site.yml"), Path.Combine(root, "site.yml"));
        return new RepoSite(root);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
