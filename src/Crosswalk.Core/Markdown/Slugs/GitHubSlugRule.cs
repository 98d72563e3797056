using Markdig.Syntax;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// github-slugger 2.0.0 (<see cref="GitHubSlugger"/>), as GitHub shows Markdown: repeats get <c>-1</c>, <c>-2</c>; an
/// explicit <c>{#id}</c> (not GitHub syntax, honoured all the same) is kept and no generated id repeats one.
/// </summary>
internal sealed class GitHubSlugRule : SlugRule
{
    public override string Name => "github";

    public override IHeadingSlugger NewSlugger() => new Slugger();

    private sealed class Slugger : IHeadingSlugger
    {
        private readonly GitHubSlugger _slugger = new();

        public void Reserve(string id) => _slugger.Reserve(id);

        public string? Explicit(HeadingBlock heading, string id) => id;

        public string? Slug(HeadingBlock heading) => _slugger.Slug(InlineText.Of(heading.Inline).Trim());
    }
}
