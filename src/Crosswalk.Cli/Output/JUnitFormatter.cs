using System.Text;
using System.Xml;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Output;

/// <summary>
/// JUnit XML for CI test reports: one test case per file with diagnostics, plus "site" for the
/// diagnostics without a location; each error or warning is a failure of its file's test case,
/// infos go to the test case's system-out.
/// </summary>
internal static class JUnitFormatter
{
    public const string SuiteName = "crosswalk";
    public const string SiteCase = "site";

    public static string Format(BuildResult result)
    {
        // "site" always exists so a clean run reports one passing test rather than none.
        var cases = new List<(string Name, List<Diagnostic> Diagnostics)> { (SiteCase, []) };
        var byName = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal) { [SiteCase] = cases[0].Diagnostics };
        foreach (var d in result.Diagnostics)
        {
            var name = d.Location?.File ?? SiteCase;
            if (!byName.TryGetValue(name, out var list))
            {
                list = [];
                byName[name] = list;
                cases.Add((name, list));
            }
            list.Add(d);
        }
        var tests = cases.Count;
        var failures = cases.Count(c => c.Diagnostics.Any(IsFailure));

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", SuiteName);
            WriteCounts(w, tests, failures);

            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", SuiteName);
            WriteCounts(w, tests, failures);

            foreach (var (name, diagnostics) in cases)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", SuiteName);
                w.WriteAttributeString("name", Clean(name));
                foreach (var d in diagnostics.Where(IsFailure))
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("type", Clean(d.Code));
                    w.WriteAttributeString("message", Clean(d.Message));
                    w.WriteString(Clean(Describe(d)));
                    w.WriteEndElement();
                }
                var infos = diagnostics.Where(d => !IsFailure(d)).ToList();
                if (infos.Count > 0)
                {
                    w.WriteElementString("system-out", Clean(string.Join('\n', infos.Select(Describe))));
                }
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static bool IsFailure(Diagnostic d) => d.Severity is Severity.Error or Severity.Warning;

    private static void WriteCounts(XmlWriter w, int tests, int failures)
    {
        w.WriteAttributeString("tests", tests.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", "0");
    }

    /// <summary>The MSBuild line of the diagnostic, then its help on the next line.</summary>
    private static string Describe(Diagnostic d)
        => d.Help is { Length: > 0 } help ? d + "\n" + help : d.ToString();

    /// <summary>Replaces characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD.</summary>
    public static string Clean(string value)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            if (XmlConvert.IsXmlChar(c))
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(value.Length).Append(value, 0, i);
            sb.Append('\uFFFD');
        }
        return sb?.ToString() ?? value;
    }
}
