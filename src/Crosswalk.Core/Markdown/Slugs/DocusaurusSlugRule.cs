using Markdig.Syntax;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// Docusaurus 3 (its MDX loader's <c>headings</c> remark plugin): github-slugger over the heading's text, which is not
/// trimmed. An explicit <c>{#id}</c> is used as written and the slugger never learns of it, so a later heading may
/// get the same id.
/// </summary>
internal sealed class DocusaurusSlugRule : SlugRule
{
    public override string Name => "docusaurus";

    public override IHeadingSlugger NewSlugger() => new Slugger();

    private sealed class Slugger : IHeadingSlugger
    {
        private readonly GitHubSlugger _slugger = new();

        public void Reserve(string id)
        {
        }

        public string? Explicit(HeadingBlock heading, string id) => id;

        public string? Slug(HeadingBlock heading) => _slugger.Slug(InlineText.Of(heading.Inline));
    }
}
