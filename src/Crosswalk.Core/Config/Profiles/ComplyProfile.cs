namespace Crosswalk.Config.Profiles;

/// <summary>
/// comply (strongDM): policies, procedures and narratives written with the YAML first; the tree's own
/// <c>templates/</c> and <c>output/</c> are comply's, not pages; every document is in its index.
/// </summary>
internal sealed class ComplyProfile : ISiteProfile
{
    public string Name => "comply";

    public Detection? Detect(ProfileContext context) => Detection.Find(context, [""], "comply.yml", "comply.yaml");

    public SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found) => config with
    {
        SourceDirectory = context.PathOf(found.Folder.Length == 0 ? "." : found.Folder),
        Exclude = [.. config.Exclude, "templates/**", "output/**", "standards/**", "node_modules/**"],
        Profile = new ProfileSettings { Name = Name, Navigation = null },
    };
}
