namespace Crosswalk.History;

/// <summary>One commit that changed a source file.</summary>
/// <param name="Id">The full commit id.</param>
/// <param name="ShortId">The abbreviated commit id, as <c>git log</c> prints it (<c>%h</c>).</param>
/// <param name="Date">The author date, with the author's time zone offset.</param>
/// <param name="Author">The author's name, after the repository's <c>.mailmap</c>.</param>
/// <param name="Subject">The first line (paragraph) of the commit message.</param>
public sealed record Revision(string Id, string ShortId, DateTimeOffset Date, string Author, string Subject);
