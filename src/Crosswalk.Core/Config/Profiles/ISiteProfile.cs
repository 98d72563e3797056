namespace Crosswalk.Config.Profiles;

/// <summary>Where a generator's configuration was found.</summary>
/// <param name="Reason">Why the tree is that generator's, for the line the commands print (<c>mkdocs.yml found</c>).</param>
/// <param name="File">The configuration file, relative to the root (<c>docs/docs.json</c>), or null when there is none.</param>
internal sealed record Detection(string Reason, string? File)
{
    /// <summary>The folder the configuration file is in, relative to the root ("" for the root itself).</summary>
    public string Folder => File is null ? "" : Path.GetDirectoryName(File)?.Replace('\\', '/') ?? "";

    /// <summary>A path relative to the configuration's folder, made relative to the root.</summary>
    public string Under(string relative) => Folder.Length == 0 ? relative : Folder + "/" + relative;

    /// <summary>The first of <paramref name="files"/> found in one of <paramref name="folders"/> (in that order), or null.</summary>
    public static Detection? Find(ProfileContext context, IEnumerable<string> folders, params string[] files)
    {
        foreach (var folder in folders)
        {
            foreach (var file in files)
            {
                var path = folder.Length == 0 ? file : folder + "/" + file;
                if (context.FileExists(path))
                {
                    return new Detection(path + " found", path);
                }
            }
        }
        return null;
    }
}

/// <summary>A docs generator's conventions: how to recognise its trees and what its own configuration says.</summary>
internal interface ISiteProfile
{
    /// <summary>The name written in <c>profile:</c>.</summary>
    string Name { get; }

    /// <summary>Where the generator's configuration is, when the tree at the context's root is this generator's; else null.</summary>
    Detection? Detect(ProfileContext context);

    /// <summary>The configuration with the generator's source folder, excludes, URL rules, navigation and redirects.</summary>
    SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found);
}
