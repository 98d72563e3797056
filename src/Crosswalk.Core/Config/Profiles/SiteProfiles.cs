using Crosswalk.Diagnostics;

namespace Crosswalk.Config.Profiles;

/// <summary>
/// The registry of docs-generator profiles, in the order they are detected: a tree with a generator's own configuration file
/// is that generator's; one without is read as GitHub shows it.
/// </summary>
public static class SiteProfiles
{
    /// <summary>Crosswalk's own conventions (DESIGN.md): the profile of a site.yml that names none and of a tree with <c>content/</c>.</summary>
    public const string Crosswalk = "crosswalk";

    /// <summary>Detect the generator even though site.yml exists.</summary>
    public const string Auto = "auto";

    internal static IReadOnlyList<ISiteProfile> All { get; } =
        [new MintlifyProfile(), new MkDocsProfile(), new DocusaurusProfile(), new JekyllProfile(), new ComplyProfile(), new GitHubProfile()];

    /// <summary>Every value <c>profile:</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [Auto, Crosswalk, .. All.Select(p => p.Name)];

    /// <summary>
    /// The configuration under the profile <paramref name="name"/> (from site.yml), or the detected one when it is null or
    /// <c>auto</c>. A site.yml that names none is Crosswalk's unless a generator's configuration file sits beside it; a tree
    /// without site.yml is a plain GitHub tree unless it has a generator's file or a <c>content/</c> folder.
    /// </summary>
    internal static SiteConfig Resolve(SiteConfig config, string? name, bool hasSiteYml, DiagnosticBag diagnostics)
    {
        var context = new ProfileContext(config.RootDirectory, diagnostics);
        if (name == Crosswalk)
        {
            return config with { Profile = new ProfileSettings { Reason = null } };
        }
        if (name is not null and not Auto)
        {
            var chosen = All.First(p => p.Name == name);
            var found = chosen.Detect(context) ?? new Detection("", null);
            return With(Apply(chosen, config, context, found, diagnostics), "profile: " + name + " in site.yml", context);
        }
        var explicitAuto = name == Auto;
        foreach (var profile in All)
        {
            if (profile is GitHubProfile && !explicitAuto && (hasSiteYml || context.FolderExists("content")))
            {
                break;
            }
            if (profile.Detect(context) is { } found)
            {
                return With(Apply(profile, config, context, found, diagnostics), found.Reason, context);
            }
        }
        return config;
    }

    // A generator's configuration is the tree's text: whatever in it a profile cannot use is CW1012, and the profile
    // still applies with what it read of the rest (or, when that fails too, Crosswalk's own conventions).
    private static SiteConfig Apply(ISiteProfile profile, SiteConfig config, ProfileContext context, Detection found, DiagnosticBag diagnostics)
    {
        try
        {
            return profile.Apply(config, context, found);
        }
        catch (Exception ex) when (ex is ProfileRefusal or IOException or UnauthorizedAccessException or ArgumentException or InvalidCastException
            or InvalidOperationException or System.Text.RegularExpressions.RegexMatchTimeoutException or NotSupportedException)
        {
            diagnostics.Report(DiagnosticDescriptors.GeneratorConfig,
                $"the {profile.Name} profile cannot use '{found.File ?? "its configuration"}': {ex.Message}",
                new SourceLocation(found.File ?? "site.yml", 1, 1), "fix the value, or set source, exclude and the other keys in site.yml");
            return config with { Profile = new ProfileSettings { Name = profile.Name } };
        }
    }

    private static SiteConfig With(SiteConfig config, string reason, ProfileContext context) =>
        config with { Profile = config.Profile with { Reason = reason, Files = [.. context.FilesRead] } };
}
