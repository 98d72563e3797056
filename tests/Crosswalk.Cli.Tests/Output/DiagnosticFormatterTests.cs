using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Crosswalk.Cli.Output;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Tests.Output;

public sealed class DiagnosticFormatterTests
{
    private static readonly Diagnostic MissingPage = new(DiagnosticCodes.MissingPage, Severity.Error,
        "link target 'guides/missing.md' does not exist", new SourceLocation("content/index.md", 7, 3));
    private static readonly Diagnostic MissingAnchor = new(DiagnosticCodes.MissingAnchor, Severity.Error,
        "anchor '#instal' does not exist on '/guides/setup/'", new SourceLocation("content/index.md", 8, 3), "did you mean '#install'?");
    private static readonly Diagnostic Withdrawn = new(DiagnosticCodes.WithdrawnEdition, Severity.Warning,
        "ISO/IEC 27001:2013 is withdrawn", new SourceLocation("content/policies/access.md", 12, 40), "use ISO/IEC 27001:2022");
    private static readonly Diagnostic Orphan = new(DiagnosticCodes.OrphanPage, Severity.Info,
        "no page links to '/policies/access/'", new SourceLocation("content/policies/access.md", 1, 1));
    private static readonly Diagnostic OutputFailure = new(DiagnosticCodes.OutputError, Severity.Error,
        "cannot prepare the output folder: access denied", null);

    private static BuildResult Result(params Diagnostic[] diagnostics)
        => new(diagnostics, 5, ConfigUsable: true, Written: false, Timings: []);

    private static BuildResult Sample() => Result(OutputFailure, MissingPage, MissingAnchor, Orphan, Withdrawn);

    [Fact]
    public void Formats_lists_every_format_and_text_stays_the_default()
    {
        Assert.Equal(["text", "json", "sarif", "github", "junit"], DiagnosticFormatter.Formats);
        Assert.Equal(DiagnosticFormatter.Text(Sample().Diagnostics), DiagnosticFormatter.Format("text", Sample()));
    }

    [Fact]
    public void Text_and_json_are_unchanged()
    {
        Assert.Equal(
            "error CW5001: cannot prepare the output folder: access denied\n" +
            "content/index.md(8,3): error CW2002: anchor '#instal' does not exist on '/guides/setup/'\n" +
            "    help: did you mean '#install'?\n",
            DiagnosticFormatter.Format("text", Result(OutputFailure, MissingAnchor)));

        using var doc = JsonDocument.Parse(DiagnosticFormatter.Format("json", Result(OutputFailure, MissingAnchor)));
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        var first = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(["code", "severity", "file", "line", "column", "message", "help"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("file").ValueKind);
        Assert.Equal(["errors", "warnings", "infos", "pages"], doc.RootElement.GetProperty("summary").EnumerateObject().Select(p => p.Name));
    }

    // ---- SARIF ----

    [Fact]
    public void Sarif_has_the_2_1_0_envelope_and_one_run_of_crosswalk()
    {
        using var doc = JsonDocument.Parse(DiagnosticFormatter.Format("sarif", Sample()));
        var root = doc.RootElement;

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal("unicodeCodePoints", run.GetProperty("columnKind").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("crosswalk", driver.GetProperty("name").GetString());
        var version = driver.GetProperty("version").GetString();
        Assert.False(string.IsNullOrEmpty(version));
        Assert.DoesNotContain('+', version);
    }

    [Fact]
    public void Sarif_declares_a_rule_for_every_diagnostic_code_even_without_results()
    {
        using var doc = JsonDocument.Parse(DiagnosticFormatter.Format("sarif", Result()));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Code), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var rule = rules.Single(r => r.GetProperty("id").GetString() == descriptor.Code);
            Assert.Equal(descriptor.Name, rule.GetProperty("name").GetString());
            Assert.Equal(descriptor.Title, Text(rule, "shortDescription"));
            Assert.Equal(descriptor.Description, Text(rule, "fullDescription"));
            Assert.Equal(descriptor.HelpText, Text(rule, "help"));
            Assert.Equal(SarifFormatter.Level(descriptor.DefaultSeverity), DefaultLevel(rule));
        }
        var missingPage = rules.Single(r => r.GetProperty("id").GetString() == DiagnosticCodes.MissingPage);
        Assert.Equal("MissingPage", missingPage.GetProperty("name").GetString());
        Assert.Equal("A link points to a page that does not exist.", Text(missingPage, "shortDescription"));
        Assert.Equal("error", DefaultLevel(missingPage));
        // The codes the old table got wrong: an info (not warning) default, and errors that had no description.
        Assert.Equal("note", DefaultLevel(rules.Single(r => r.GetProperty("id").GetString() == "CW2005")));
        Assert.Equal("error", DefaultLevel(rules.Single(r => r.GetProperty("id").GetString() == "CW3007")));
        Assert.Equal("error", DefaultLevel(rules.Single(r => r.GetProperty("id").GetString() == "CW4002")));
        Assert.Empty(run.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Sarif_rules_describe_each_code_in_words_not_by_its_name()
    {
        using var doc = JsonDocument.Parse(DiagnosticFormatter.Format("sarif", Result()));
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var name = rule.GetProperty("name").GetString()!;
            foreach (var property in new[] { "shortDescription", "fullDescription", "help" })
            {
                var text = Text(rule, property);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{id}: empty {property}");
                Assert.NotEqual(id, text);
                Assert.NotEqual(name, text);
                Assert.Contains(' ', text); // words, not an identifier
            }
            Assert.NotEqual(Text(rule, "shortDescription"), Text(rule, "fullDescription"));
        }
    }

    private static string? Text(JsonElement rule, string property) => rule.GetProperty(property).GetProperty("text").GetString();

    private static string? DefaultLevel(JsonElement rule) => rule.GetProperty("defaultConfiguration").GetProperty("level").GetString();

    [Fact]
    public void Sarif_results_carry_rule_level_message_and_region()
    {
        using var doc = JsonDocument.Parse(DiagnosticFormatter.Format("sarif", Sample()));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(5, results.Count);
        Assert.Equal(["CW5001", "CW2001", "CW2002", "CW2005", "CW3005"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal(["error", "error", "error", "note", "warning"], results.Select(r => r.GetProperty("level").GetString()));
        foreach (var r in results)
        {
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        }

        Assert.False(results[0].TryGetProperty("locations", out _));
        Assert.Equal("cannot prepare the output folder: access denied", results[0].GetProperty("message").GetProperty("text").GetString());

        var anchor = results[2];
        Assert.Equal("anchor '#instal' does not exist on '/guides/setup/' Help: did you mean '#install'?", anchor.GetProperty("message").GetProperty("text").GetString());
        var physical = Assert.Single(anchor.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("content/index.md", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(8, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(3, physical.GetProperty("region").GetProperty("startColumn").GetInt32());

        var withdrawn = results[4].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((12, 40), (withdrawn.GetProperty("startLine").GetInt32(), withdrawn.GetProperty("startColumn").GetInt32()));
    }

    [Fact]
    public void Sarif_encodes_paths_as_relative_uris_and_covers_codes_not_in_the_registry()
    {
        var odd = new Diagnostic("CW9999", Severity.Warning, "something new", new SourceLocation("content/My Docs/50%.md", 2, 1));
        using var doc = JsonDocument.Parse(DiagnosticFormatter.Format("sarif", Result(odd)));
        var run = doc.RootElement.GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());

        Assert.Equal("content/My%20Docs/50%25.md", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[result.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("CW9999", rule.GetProperty("id").GetString());
        Assert.Equal("CW9999", Text(rule, "shortDescription"));
        Assert.Equal("warning", DefaultLevel(rule));
    }

    [Fact]
    public void Sarif_output_is_deterministic()
        => Assert.Equal(DiagnosticFormatter.Format("sarif", Sample()), DiagnosticFormatter.Format("sarif", Sample()));

    // ---- GitHub workflow commands ----

    private sealed record WorkflowCommand(string Name, Dictionary<string, string> Properties, string Message);

    /// <summary>Parses <c>::name k=v,k=v::message</c> the way the Actions runner does, undoing the toolkit's escaping.</summary>
    private static WorkflowCommand ParseCommand(string line)
    {
        Assert.StartsWith("::", line);
        var end = line.IndexOf("::", 2, StringComparison.Ordinal);
        Assert.True(end > 0, line);
        var head = line[2..end];
        var space = head.IndexOf(' ');
        var name = space < 0 ? head : head[..space];
        var properties = new Dictionary<string, string>();
        if (space >= 0)
        {
            foreach (var pair in head[(space + 1)..].Split(','))
            {
                var eq = pair.IndexOf('=');
                properties.Add(pair[..eq], Unescape(pair[(eq + 1)..]));
            }
        }
        return new WorkflowCommand(name, properties, Unescape(line[(end + 2)..]));
    }

    private static string Unescape(string value)
        => value.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");

    private static List<string> Lines(string output)
    {
        Assert.EndsWith("\n", output);
        return [.. output[..^1].Split('\n')];
    }

    [Fact]
    public void GitHub_writes_one_annotation_per_diagnostic_with_location_and_title()
    {
        var lines = Lines(DiagnosticFormatter.Format("github", Sample()));

        Assert.Equal(5, lines.Count);
        var commands = lines.Select(ParseCommand).ToList();
        Assert.Equal(["error", "error", "error", "notice", "warning"], commands.Select(c => c.Name));
        Assert.Equal(["CW5001", "CW2001", "CW2002", "CW2005", "CW3005"], commands.Select(c => c.Properties["title"]));

        Assert.Equal("::error title=CW5001::cannot prepare the output folder: access denied", lines[0]);
        Assert.Equal("::error file=content/index.md,line=7,col=3,title=CW2001::link target 'guides/missing.md' does not exist", lines[1]);
        Assert.Equal("anchor '#instal' does not exist on '/guides/setup/' — help: did you mean '#install'?", commands[2].Message);
        Assert.Equal("content/policies/access.md", commands[4].Properties["file"]);
        Assert.Equal(("12", "40"), (commands[4].Properties["line"], commands[4].Properties["col"]));
    }

    [Fact]
    public void GitHub_escapes_percent_newlines_commas_and_colons()
    {
        var nasty = new Diagnostic(DiagnosticCodes.InvalidConfig, Severity.Error,
            "100% wrong: a, b\r\nand %0A literal", new SourceLocation("content/a,b:c%d.md", 4, 2), "fix: this,\nthen that");

        var output = DiagnosticFormatter.Format("github", Result(nasty));
        var line = Assert.Single(Lines(output));

        Assert.Equal(
            "::error file=content/a%2Cb%3Ac%25d.md,line=4,col=2,title=CW1001::" +
            "100%25 wrong: a, b%0D%0Aand %250A literal — help: fix: this,%0Athen that",
            line);
        var command = ParseCommand(line);
        Assert.Equal("content/a,b:c%d.md", command.Properties["file"]);
        Assert.Equal("100% wrong: a, b\r\nand %0A literal — help: fix: this,\nthen that", command.Message);
    }

    [Fact]
    public void GitHub_writes_nothing_for_a_clean_build()
        => Assert.Equal("", DiagnosticFormatter.Format("github", Result()));

    // ---- JUnit ----

    [Fact]
    public void JUnit_has_one_suite_and_a_test_case_per_file_with_diagnostics()
    {
        var xml = DiagnosticFormatter.Format("junit", Sample());
        var doc = XDocument.Parse(xml);

        Assert.Equal("testsuites", doc.Root!.Name.LocalName);
        var suite = Assert.Single(doc.Root.Elements("testsuite"));
        Assert.Equal("crosswalk", (string?)suite.Attribute("name"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["site", "content/index.md", "content/policies/access.md"], cases.Select(c => (string?)c.Attribute("name")));
        Assert.All(cases, c => Assert.Equal("crosswalk", (string?)c.Attribute("classname")));
        Assert.Equal("3", (string?)suite.Attribute("tests"));
        Assert.Equal("3", (string?)suite.Attribute("failures"));
        Assert.Equal("0", (string?)suite.Attribute("errors"));
        Assert.Equal("0", (string?)suite.Attribute("skipped"));

        var site = Assert.Single(cases[0].Elements("failure"));
        Assert.Equal("CW5001", (string?)site.Attribute("type"));
        Assert.Equal("error CW5001: cannot prepare the output folder: access denied", site.Value);

        var index = cases[1].Elements("failure").ToList();
        Assert.Equal(["CW2001", "CW2002"], index.Select(f => (string?)f.Attribute("type")));
        Assert.Equal("anchor '#instal' does not exist on '/guides/setup/'", (string?)index[1].Attribute("message"));
        Assert.Equal("content/index.md(8,3): error CW2002: anchor '#instal' does not exist on '/guides/setup/'\ndid you mean '#install'?", index[1].Value);

        var access = cases[2];
        var warning = Assert.Single(access.Elements("failure"));
        Assert.Equal("CW3005", (string?)warning.Attribute("type"));
        Assert.StartsWith("content/policies/access.md(12,40): warning CW3005: ", warning.Value);
        Assert.Equal("content/policies/access.md(1,1): info CW2005: no page links to '/policies/access/'", access.Element("system-out")!.Value);
    }

    [Fact]
    public void JUnit_counts_a_file_with_only_infos_as_passing()
    {
        var doc = XDocument.Parse(DiagnosticFormatter.Format("junit", Result(Orphan)));
        var suite = doc.Root!.Element("testsuite")!;

        Assert.Equal(("2", "0"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
        Assert.Empty(suite.Descendants("failure"));
        Assert.Single(suite.Descendants("system-out"));
    }

    [Fact]
    public void JUnit_for_a_clean_build_is_one_passing_site_case()
    {
        var doc = XDocument.Parse(DiagnosticFormatter.Format("junit", Result()));
        var suite = doc.Root!.Element("testsuite")!;

        Assert.Equal(("1", "0"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
        Assert.Equal("site", (string?)Assert.Single(suite.Elements("testcase")).Attribute("name"));
        Assert.Empty(suite.Elements("testcase").Elements());
    }

    [Fact]
    public void JUnit_is_utf8_without_bom_and_escapes_markup_newlines_and_control_characters()
    {
        var nasty = new Diagnostic(DiagnosticCodes.TemplateError, Severity.Error,
            "tag <b> & \"quote\" 'apos'\nsecond line \u0001 ünïcode 🙂", new SourceLocation("content/a&b <c>.md", 2, 5));

        var xml = DiagnosticFormatter.Format("junit", Result(nasty));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        Assert.NotEqual('\uFEFF', xml[0]);
        Assert.DoesNotContain('\u0001', xml);
        var doc = XDocument.Parse(xml);
        var testcase = doc.Root!.Element("testsuite")!.Elements("testcase").Last();
        Assert.Equal("content/a&b <c>.md", (string?)testcase.Attribute("name"));
        var failure = testcase.Element("failure")!;
        Assert.Equal("tag <b> & \"quote\" 'apos'\nsecond line \uFFFD ünïcode 🙂", (string?)failure.Attribute("message"));
        Assert.Equal("content/a&b <c>.md(2,5): error CW4001: tag <b> & \"quote\" 'apos'\nsecond line \uFFFD ünïcode 🙂", failure.Value);
    }

    [Fact]
    public void JUnit_bytes_written_to_a_report_have_no_bom()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crosswalk-junit-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(path, DiagnosticFormatter.Format("junit", Sample()));
            var bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'<', bytes[0]);
            Assert.Equal("crosswalk", (string?)XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!.Attribute("name"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
