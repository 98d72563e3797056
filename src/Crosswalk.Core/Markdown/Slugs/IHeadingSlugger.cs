using Markdig.Syntax;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// Gives the headings of one page their ids by one generator's rules (<see cref="SlugRule"/>). A new instance is made
/// for every page, since each generator de-duplicates within a page.
/// </summary>
/// <remarks>
/// The caller first passes every explicit id of the page (<c>{#id}</c>) to <see cref="Reserve"/>, then each heading in
/// document order to <see cref="Explicit"/> when it has one, else to <see cref="Slug"/>.
/// </remarks>
public interface IHeadingSlugger
{
    /// <summary>Learns of an explicit id before any heading is given one; generators that avoid explicit ids keep it.</summary>
    /// <param name="id">The id as written.</param>
    void Reserve(string id);

    /// <summary>The id a heading written with the explicit id <paramref name="id"/> gets on the generated page.</summary>
    /// <param name="heading">The heading.</param>
    /// <param name="id">The id as written.</param>
    /// <returns>The id in the page's HTML, or null when the heading has none there.</returns>
    string? Explicit(HeadingBlock heading, string id);

    /// <summary>The generated id of a heading without an explicit id, unique on the page as the generator makes it.</summary>
    /// <param name="heading">The heading, its inlines parsed.</param>
    /// <returns>The id, or null when the generator gives the heading none. It may be empty where the generator writes <c>id=""</c>.</returns>
    string? Slug(HeadingBlock heading);
}
