using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config.Profiles;

/// <summary>
/// comply (strongDM): policies, procedures and narratives written with the YAML first (<c>front_matter_style: yaml-first</c>),
/// titled by <c>name:</c>; the tree's standards as catalogs, its TSC standard as the built-in SOC 2 catalog under the id
/// comply's <c>satisfies:</c> uses; comply's <c>templates/</c>, <c>output/</c> and READMEs are not pages; every document
/// is in comply's index.
/// </summary>
internal sealed class ComplyProfile : ISiteProfile
{
    public string Name => "comply";

    /// <summary>The built-in catalog comply's TSC standard is (the 2017 Trust Services Criteria, as comply ships them).</summary>
    private const string Tsc = "soc2-tsc-2017";

    public Detection? Detect(ProfileContext context) => Detection.Find(context, [""], "comply.yml", "comply.yaml");

    public SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found)
    {
        var at = new SourceLocation(found.File ?? "comply.yml", 1, 1);
        var catalogs = new List<string>(config.Catalogs);
        var aliases = new List<CatalogIdAlias>(config.CatalogAliases);
        var standards = found.Under("standards");
        var files = context.FolderExists(standards)
            ? Directory.EnumerateFiles(context.PathOf(standards), "*.yml").Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(context.Root, file).Replace('\\', '/');
            var name = YamlNodes.Scalar(context.ReadYaml(relative) as YamlMappingNode, "name");
            if (name == "TSC")
            {
                AddTsc();
            }
            else
            {
                catalogs.Add(relative);
            }
        }
        if (files.Count == 0)
        {
            AddTsc();
        }
        return config with
        {
            SourceDirectory = context.PathOf(found.Folder.Length == 0 ? "." : found.Folder),
            // comply reads only the files directly in its three document folders, README files aside.
            Exclude = [.. config.Exclude, "templates/**", "output/**", "standards/**", "node_modules/**", "**/README*", "README*",
                "policies/*/**", "procedures/*/**", "narratives/*/**"],
            FrontMatterStyle = Content.FrontMatterStyle.YamlFirst,
            Catalogs = catalogs,
            CatalogLocations = [.. catalogs.Select(_ => at)],
            CatalogAliases = aliases,
            // comply publishes PDFs, not a site: a link names another document's file.
            Profile = new ProfileSettings { Name = Name, Navigation = null, Urls = new UrlRules(Published: PublishedForm.Files) },
        };

        void AddTsc()
        {
            if (!catalogs.Contains(Tsc))
            {
                catalogs.Add(Tsc);
                aliases.Add(new CatalogIdAlias("TSC", Tsc, at, at));
            }
        }
    }
}
