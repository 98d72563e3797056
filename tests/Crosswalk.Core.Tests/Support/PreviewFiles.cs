using System.Text;
using Crosswalk.Preview;

namespace Crosswalk.Tests.Support;

/// <summary>What tests read of a preview's memory store.</summary>
public static class PreviewFiles
{
    /// <summary>The file at <paramref name="path"/> as UTF-8 text, or "" when the store does not hold it.</summary>
    public static string Text(this PreviewSite preview, string path) =>
        preview.TryGetFile(path, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";
}
