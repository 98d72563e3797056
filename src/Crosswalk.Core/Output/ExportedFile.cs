namespace Crosswalk.Output;

/// <summary>A file a command hands over outside the site (an OSCAL export, an audit bundle): its name in the folder it is written to, and its bytes.</summary>
public sealed record ExportedFile(string Name, byte[] Content);
