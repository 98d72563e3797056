using Crosswalk.Templates;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Templates;

public sealed class TemplateVariablesTests
{
    [Fact]
    public void Each_variable_is_declared_once()
    {
        Assert.Equal(TemplateVariables.Page.Count, TemplateVariables.Page.Select(v => v.Name).Distinct().Count());
        Assert.Equal(TemplateVariables.Site.Count, TemplateVariables.Site.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void The_page_inputs_are_the_union_of_the_declarations()
    {
        // Written out, not recomputed: a variable with a new kind of input must be seen to reach the fingerprint.
        Assert.Equal(TemplateInput.Page | TemplateInput.Config | TemplateInput.Links | TemplateInput.PageClaims | TemplateInput.Structure
            | TemplateInput.Environment, TemplateVariables.PageInputs);
        // What the preview's fingerprint of a page must cover for the built-in variables.
        Assert.True(TemplateVariables.PageInputs.HasFlag(TemplateInput.Links));
        Assert.True(TemplateVariables.PageInputs.HasFlag(TemplateInput.PageClaims));
        Assert.True(TemplateVariables.PageInputs.HasFlag(TemplateInput.Structure));
    }

    [Fact]
    public void Only_markup_without_ids_is_declared_as_markup()
    {
        Assert.Equal(["nav_html"], TemplateVariables.Page.Where(v => v.Markup).Select(v => v.Name));
    }

    [Fact]
    public void Every_page_variable_the_built_in_theme_reads_is_declared()
    {
        var theme = Theme.Load(null, Path.GetTempPath(), new Crosswalk.Diagnostics.DiagnosticBag());
        var declared = TemplateVariables.Page.Select(v => v.Name).ToHashSet();
        // Comments ({{## ... ##}}) mention variables a theme could use instead; they are not read.
        var templates = Directory.EnumerateFiles(Repository.PathOf("templates"), "*.html", SearchOption.AllDirectories)
            .Select(f => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(f), @"\{\{##.*?##\}\}", "", System.Text.RegularExpressions.RegexOptions.Singleline));
        var read = templates.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"\bpage\.(\w+)").Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.NotEmpty(read);
        Assert.Empty(read.Except(declared));
        Assert.All(read, name => Assert.True(theme.MayRead(name)));
    }

    [Fact]
    public void The_built_in_page_layout_only_prints_the_body_and_every_template_the_sidebar_so_check_need_not_make_them()
    {
        var theme = Theme.Load(null, Path.GetTempPath(), new Crosswalk.Diagnostics.DiagnosticBag());

        Assert.True(theme.PrintsContentVerbatim("layouts/page.html"));
        Assert.True(theme.OnlyPrints("nav_html"));
        // The 404 layout shows a default message when the page has no body: check keeps the body of a page using it.
        Assert.False(theme.PrintsContentVerbatim("layouts/404.html"));
    }
}
