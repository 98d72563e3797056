namespace Crosswalk.Config.Profiles;

/// <summary>
/// A plain tree read as GitHub shows it: every Markdown file from the root, GitHub's heading ids, a folder without a
/// README shown as a listing, and the repository browsable, so no page is an orphan.
/// </summary>
internal sealed class GitHubProfile : ISiteProfile
{
    public string Name => "github";

    public Detection? Detect(ProfileContext context) => new("no docs generator's configuration found; read as GitHub shows it", null);

    public SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found) => config with
    {
        SourceDirectory = context.Root,
        Exclude = [.. config.Exclude, "node_modules/**"],
        Profile = new ProfileSettings { Name = Name, Navigation = null, FolderListings = true, AnchorsIgnoreCase = true, Urls = new UrlRules(Published: PublishedForm.Files) },
    };
}
