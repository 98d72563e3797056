using YamlDotNet.Core;

namespace Crosswalk.Config;

/// <summary>Turns YamlDotNet exceptions into one-line messages without YamlDotNet's own position prefix.</summary>
internal static class YamlErrors
{
    public static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " — we report the position ourselves.
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && dash > 0)
        {
            message = message[(dash + 3)..];
        }
        return message.Trim();
    }
}
