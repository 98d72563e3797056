using System.CommandLine;
using System.Text;
using System.Text.Json;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk criteria</c> and <c>crosswalk coverage</c>: reports on catalogs and claims.</summary>
internal static class CriteriaCommands
{
    public static readonly string[] CoverageFormats = ["text", "csv", "json"];

    public static Command Criteria(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("criteria", "List a catalog's criteria, or show one criterion with the pages that claim it.");
        var id = new Argument<string?>("ID") { Description = "A criterion or group ID, e.g. CC6.1 or A.9.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(id);
        var (catalog, config) = AddSiteOptions(command);
        command.SetAction(parse =>
        {
            if (!TryAnalyze(parse, config, catalog, stdout, stderr, out var analysis, out var catalogs))
            {
                return CrosswalkCli.ExitUsage;
            }
            var wanted = parse.GetValue(id);
            if (wanted is null)
            {
                foreach (var c in catalogs)
                {
                    stdout.WriteLine($"{c.Id}: {c.Name}{(c.IsWithdrawn ? " (withdrawn)" : "")}");
                    foreach (var criterion in c.Criteria)
                    {
                        var pages = analysis.Claims.PagesCovering(criterion).Count;
                        stdout.WriteLine($"  {new string(' ', 2 * criterion.Depth)}{criterion.Id,-10} {criterion.Title}{(pages > 0 ? $"  [{pages} page{(pages == 1 ? "" : "s")}]" : criterion.IsLeaf ? "  [gap]" : "")}");
                    }
                }
                return CrosswalkCli.ExitOk;
            }
            var found = catalogs.Select(c => c.FindIgnoreCase(wanted)).FirstOrDefault(c => c is not null);
            if (found is null)
            {
                var all = catalogs.SelectMany(c => c.Criteria).Select(c => c.Id).Distinct();
                var help = DidYouMean.Help(wanted, all);
                stderr.WriteLine($"crosswalk: unknown criterion '{wanted}' in {string.Join(", ", catalogs.Select(c => c.Id))}"
                    + (help is null ? "" : $" ({help})"));
                return CrosswalkCli.ExitUsage;
            }
            Describe(found, analysis, stdout);
            return CrosswalkCli.ExitOk;
        });
        return command;
    }

    public static Command Coverage(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("coverage", "Report, per criterion, the pages that claim it, with totals and gaps.");
        var (catalog, config) = AddSiteOptions(command);
        var format = new Option<string>("--format", "-f") { Description = "text, csv or json.", DefaultValueFactory = _ => "text", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(CoverageFormats);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            if (!TryAnalyze(parse, config, catalog, stdout, stderr, out var analysis, out var catalogs))
            {
                return CrosswalkCli.ExitUsage;
            }
            stdout.Write((parse.GetValue(format) ?? "text") switch
            {
                "csv" => Csv(catalogs, analysis.Claims),
                "json" => Json(catalogs, analysis.Claims),
                _ => Text(catalogs, analysis.Claims),
            });
            if (analysis.Result.Errors > 0)
            {
                stderr.WriteLine($"note: the site has {analysis.Result.Errors} errors; run 'crosswalk check' to see them");
            }
            return CrosswalkCli.ExitOk;
        });
        return command;
    }

    /// <summary>The options both reports take: --catalog, --config and --verbose.</summary>
    private static (Option<string?> Catalog, Option<string?> Config) AddSiteOptions(Command command)
    {
        var catalog = new Option<string?>("--catalog") { Description = "Catalog id (default: every catalog named in site.yml).", HelpName = "ID" };
        var config = CommonOptions.Config();
        command.Options.Add(catalog);
        command.Options.Add(config);
        command.Options.Add(CommonOptions.Verbose());
        return (catalog, config);
    }

    /// <summary>Analyzes the site and picks the catalogs to report on; false (after saying why) when it cannot.</summary>
    private static bool TryAnalyze(ParseResult parse, Option<string?> config, Option<string?> catalog, TextWriter stdout, TextWriter stderr,
        out SiteAnalysis analysis, out IReadOnlyList<Catalog> catalogs)
    {
        analysis = Analyze(parse.GetValue(config));
        catalogs = [];
        return Usable(analysis, stdout, stderr) && SelectCatalogs(analysis, parse.GetValue(catalog), stderr, out catalogs);
    }

    private static SiteAnalysis Analyze(string? configPath) => SiteBuilder.Analyze(new BuildOptions
    {
        ConfigPath = configPath ?? "site.yml",
        AllowMissingConfig = configPath is null,
    });

    private static bool Usable(SiteAnalysis analysis, TextWriter stdout, TextWriter stderr)
    {
        if (analysis.Result.ConfigUsable && analysis.Catalogs is not null)
        {
            return true;
        }
        stdout.Write(Output.DiagnosticFormatter.Text(analysis.Result.Diagnostics));
        stderr.WriteLine("crosswalk: site.yml cannot be used");
        return false;
    }

    private static bool SelectCatalogs(SiteAnalysis analysis, string? id, TextWriter stderr, out IReadOnlyList<Catalog> catalogs)
    {
        if (id is null)
        {
            catalogs = analysis.Configured.Count > 0 ? analysis.Configured : analysis.Catalogs!.All;
            if (catalogs.Count == 0)
            {
                stderr.WriteLine("crosswalk: no catalogs are configured; add 'catalogs:' to site.yml");
                return false;
            }
            return true;
        }
        var catalog = analysis.Catalogs!.Get(id) ?? CatalogSet.Load([id], Environment.CurrentDirectory, new DiagnosticBag()).Get(id);
        if (catalog is null)
        {
            var known = analysis.Catalogs!.All.Select(c => c.Id).Concat(CatalogSet.BuiltInIds).Distinct().ToList();
            var help = DidYouMean.Help(id, known, 1);
            stderr.WriteLine($"crosswalk: unknown catalog '{id}'" + (help is null ? $"; known: {string.Join(", ", known)}" : $" ({help})"));
            catalogs = [];
            return false;
        }
        catalogs = [catalog];
        return true;
    }

    private static void Describe(Criterion criterion, SiteAnalysis analysis, TextWriter stdout)
    {
        stdout.WriteLine($"{criterion.Id} {criterion.Title}");
        stdout.WriteLine($"  catalog: {criterion.Catalog.Id} ({criterion.Catalog.Name})");
        stdout.WriteLine($"  kind:    {criterion.Kind}");
        if (criterion.Parent is { } parent)
        {
            stdout.WriteLine($"  group:   {parent.Id} {parent.Title}");
        }
        if (criterion.Children.Count > 0)
        {
            stdout.WriteLine($"  contains: {string.Join(", ", criterion.Children.Select(c => c.Id))}");
        }
        var claims = analysis.Claims.Covering(criterion).ToList();
        stdout.WriteLine(claims.Count == 0 ? "  claims:  none" : $"  claims:  {claims.Count}");
        foreach (var claim in claims.OrderBy(c => c.Page.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Location.File, StringComparer.Ordinal).ThenBy(c => c.Location.Line))
        {
            var via = claim.Criterion == criterion ? "" : $" (through {claim.Criterion.Id})";
            stdout.WriteLine($"    {claim.Page.Title} {claim.Page.Url}{via} — {claim.Location}");
        }
        if (analysis.Catalogs is { } catalogs)
        {
            foreach (var mapping in catalogs.Mappings.Where(m => m.Source == criterion.Catalog))
            {
                var successors = catalogs.Successors(criterion).Where(s => s.Catalog == mapping.Target).ToList();
                if (successors.Count > 0)
                {
                    stdout.WriteLine($"  in {mapping.Target.Id}: {string.Join(", ", successors.Select(s => s.Id))}");
                }
            }
        }
    }

    private static string Text(IReadOnlyList<Catalog> catalogs, ClaimSet claims)
    {
        var sb = new StringBuilder();
        foreach (var catalog in catalogs)
        {
            var leaves = catalog.Criteria.Where(c => c.IsLeaf).ToList();
            var gaps = leaves.Where(c => claims.PagesCovering(c).Count == 0).ToList();
            sb.Append(catalog.Id).Append(": ").Append(catalog.Name).Append('\n');
            foreach (var criterion in catalog.Criteria)
            {
                var pages = claims.PagesCovering(criterion);
                sb.Append("  ").Append(criterion.Id.PadRight(10)).Append(' ')
                  .Append(pages.Count > 0 ? string.Join("; ", pages.Select(p => p.Title)) : criterion.IsLeaf ? "-- gap --" : "")
                  .Append('\n');
            }
            sb.Append($"  total: {leaves.Count} criteria, {leaves.Count - gaps.Count} covered, {gaps.Count} gaps\n");
            if (gaps.Count > 0)
            {
                sb.Append("  gaps: ").Append(string.Join(", ", gaps.Select(g => g.Id))).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Csv(IReadOnlyList<Catalog> catalogs, ClaimSet claims)
    {
        var sb = new StringBuilder("criterion,title,group,pages\n");
        foreach (var criterion in catalogs.SelectMany(c => c.Criteria))
        {
            sb.Append(Field(criterion.Id)).Append(',').Append(Field(criterion.Title)).Append(',')
              .Append(Field(criterion.Parent?.Id ?? "")).Append(',')
              .Append(Field(string.Join("; ", claims.PagesCovering(criterion).Select(p => p.Title)))).Append('\n');
        }
        return sb.ToString();

        static string Field(string value) => Output.SafeText.Csv(value);
    }

    private static string Json(IReadOnlyList<Catalog> catalogs, ClaimSet claims)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("catalogs");
            foreach (var catalog in catalogs)
            {
                var leaves = catalog.Criteria.Where(c => c.IsLeaf).ToList();
                var gaps = leaves.Where(c => claims.PagesCovering(c).Count == 0).ToList();
                w.WriteStartObject();
                w.WriteString("id", catalog.Id);
                w.WriteString("name", catalog.Name);
                w.WriteStartArray("criteria");
                foreach (var criterion in catalog.Criteria)
                {
                    w.WriteStartObject();
                    w.WriteString("criterion", criterion.Id);
                    w.WriteString("title", criterion.Title);
                    w.WriteString("group", criterion.Parent?.Id);
                    w.WriteBoolean("leaf", criterion.IsLeaf);
                    w.WriteStartArray("pages");
                    foreach (var page in claims.PagesCovering(criterion))
                    {
                        w.WriteStartObject();
                        w.WriteString("title", page.Title);
                        w.WriteString("url", page.Url);
                        w.WriteString("source", page.Source.DisplayPath);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("totals");
                w.WriteNumber("criteria", leaves.Count);
                w.WriteNumber("covered", leaves.Count - gaps.Count);
                w.WriteNumber("gaps", gaps.Count);
                w.WriteEndObject();
                w.WriteStartArray("gaps");
                foreach (var gap in gaps)
                {
                    w.WriteStringValue(gap.Id);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
