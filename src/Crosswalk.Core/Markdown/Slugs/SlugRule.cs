namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// How one documentation generator derives heading ids (<c>slugs:</c> in site.yml), so that anchors are checked against
/// the ids the site's real generator writes. The rules are a closed set: <see cref="All"/>.
/// </summary>
public abstract class SlugRule
{
    /// <summary>github-slugger 2.0.0, as GitHub shows Markdown (the default).</summary>
    public static SlugRule GitHub { get; } = new GitHubSlugRule();

    /// <summary>Mintlify's heading anchors.</summary>
    public static SlugRule Mintlify { get; } = new MintlifySlugRule();

    /// <summary>Python-Markdown's <c>toc</c> extension with its default <c>slugify</c> and <c>unique</c>, as MkDocs uses it.</summary>
    public static SlugRule PythonMarkdown { get; } = new PythonMarkdownSlugRule();

    /// <summary>Docusaurus' heading ids.</summary>
    public static SlugRule Docusaurus { get; } = new DocusaurusSlugRule();

    /// <summary>kramdown's GFM parser, as Jekyll and GitHub Pages run it.</summary>
    public static SlugRule Kramdown { get; } = new KramdownSlugRule();

    /// <summary>Every rule, in the order the README lists them.</summary>
    public static IReadOnlyList<SlugRule> All { get; } = [GitHub, Mintlify, PythonMarkdown, Docusaurus, Kramdown];

    /// <summary>The value of <c>slugs:</c> that selects this rule.</summary>
    public abstract string Name { get; }

    /// <summary>A slugger for one page.</summary>
    public abstract IHeadingSlugger NewSlugger();

    /// <summary>The rule named <paramref name="name"/> (exact, lower case), or null.</summary>
    public static SlugRule? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => Name;
}
