using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown;

/// <summary>
/// Golden files: TestData/200-render/&lt;case&gt;/input.md(x) is parsed and its body HTML (with link placeholders
/// replaced by the link as written) compared with expected.html. Set CROSSWALK_ACCEPT=1 to write new expectations.
/// </summary>
public sealed class RenderGoldenTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "200-render");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_the_body_as_expected(string name)
    {
        // Given
        var dir = Path.Combine(Root, name);
        var input = Directory.EnumerateFiles(dir, "input.*").Single();

        // When
        var page = Pages.Parse(name + Path.GetExtension(input), File.ReadAllText(input));
        var html = Pages.Placeholders.Replace(page.BodyHtml, id => page.Links[id].Url).Replace("\r\n", "\n");

        // Then
        var expectedPath = Path.Combine(dir, "expected.html");
        if (Environment.GetEnvironmentVariable("CROSSWALK_ACCEPT") == "1")
        {
            var source = Repository.PathOf(Path.Combine("tests", "Crosswalk.Core.Tests", "TestData", "200-render", name, "expected.html"));
            File.WriteAllText(source, html);
            File.WriteAllText(expectedPath, html);
        }
        Assert.True(File.Exists(expectedPath), $"no expected.html for {name}; run with CROSSWALK_ACCEPT=1 and review it");
        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n"), html);
    }
}
