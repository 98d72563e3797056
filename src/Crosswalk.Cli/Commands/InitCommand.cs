using System.CommandLine;
using System.Globalization;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk init</c>: a commented site.yml and one example page that passes <c>check --strict</c>.</summary>
internal static class InitCommand
{
    public const string ConfigFile = "site.yml";
    public const string PageFile = "content/index.md";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("init", "Start a site in the current folder: a commented site.yml and an example page in content/. Never overwrites a file.");
        command.SetAction(_ =>
        {
            // Checked before writing anything, so a refusal leaves the folder as it was.
            var existing = new[] { ConfigFile, PageFile }.Where(File.Exists).ToList();
            if (existing.Count > 0)
            {
                stderr.WriteLine($"crosswalk: {string.Join(" and ", existing)} already exist{(existing.Count == 1 ? "s" : "")}; init never overwrites a file (run it in an empty folder, or edit the site you have)");
                return CrosswalkCli.ExitUsage;
            }
            var nextReview = DateOnly.FromDateTime(DateTime.Now).AddYears(1);
            Write(ConfigFile, SiteYml);
            Write(PageFile, Page(nextReview));
            stdout.WriteLine($"wrote {ConfigFile}");
            stdout.WriteLine($"wrote {PageFile}");
            stdout.WriteLine("next: run 'crosswalk serve' to preview the site at http://127.0.0.1:4000/ while you edit, 'crosswalk check --strict' to check it");
            return CrosswalkCli.ExitOk;
        });
        return command;
    }

    private static void Write(string path, string text)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        // CreateNew: a file that appeared since the check is still not overwritten.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    internal const string SiteYml = """
        # Crosswalk site configuration. Paths are relative to this file's folder.
        # Every key is described in the README's "site.yml" section.
        title: Compliance Documentation   # the site's title, in the header and every page's <title>
        base_url: /                       # URL prefix the site is published under, e.g. /compliance/
        site_url: https://docs.example.com   # change to the site's address: canonical links and sitemap.xml use it (CW5002 without it)
        source: content                   # the Markdown pages (and any images or files they link)
        output: _site                     # where 'crosswalk build' writes the site
        # Criteria catalogs: built-in soc2-tsc-2017, iso27001-2013, iso27001-2022, or your own YAML or OSCAL files.
        catalogs: [soc2-tsc-2017, iso27001-2022]

        # Table columns whose cells name criteria; each row's linked pages claim them (see the README's
        # "Criteria, mappings and coverage"). For example:
        # mappings:
        #   - { column: SOC2 Mapping, catalog: soc2-tsc-2017 }
        #   - { column: ISO 27001 Mapping, catalog: iso27001-2022 }

        # Front-matter fields that pages must set (CW1010), for example an owner and a review date for every policy:
        # required:
        #   - { pages: "**", fields: [owner, next_review] }

        """;

    internal static string Page(DateOnly nextReview) => $"""
        ---
        title: Information Security Policy
        owner: Security Lead
        next_review: {nextReview.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}
        satisfies:
          soc2-tsc-2017: [CC5.3]
          iso27001-2022: [A.5.1]
        ---
        # Information Security Policy

        An example page made by `crosswalk init`: replace it with your own. The front matter above says who owns
        this document, when it is next reviewed (`crosswalk check` warns once that date has passed), and which
        criteria it satisfies; each criterion's page on the site links back here.

        ## Purpose

        This policy sets out how the organisation protects the confidentiality, integrity and availability of the
        information it holds.

        ## Scope

        Every employee, contractor and system that stores or processes the organisation's information.

        """;
}
