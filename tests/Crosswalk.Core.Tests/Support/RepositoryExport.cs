using System.Text;
using Crosswalk.Oscal;
using Crosswalk.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Tests.Support;

/// <summary>The OSCAL export of the repository's own site (site.yml and content/), made once for the tests that read it.</summary>
internal static class RepositoryExport
{
    private static readonly Lazy<SiteAnalysis> s_analysis = new(Analyze);
    private static readonly Lazy<IReadOnlyList<ExportedFile>> s_files = new(() => OscalExport.Create(s_analysis.Value));

    public static SiteAnalysis Analysis => s_analysis.Value;

    public static IReadOnlyList<ExportedFile> Files => s_files.Value;

    public static string Text(string name) => Encoding.UTF8.GetString(Files.Single(f => f.Name == name).Content);

    public static SiteAnalysis Analyze() => SiteBuilder.Analyze(new BuildOptions { ConfigPath = Repository.PathOf("site.yml") });
}
