namespace Crosswalk.Config;

/// <summary>YAML 1.1's words for true and false, as site.yml and front matter read them.</summary>
internal static class YamlBoolean
{
    /// <summary><c>true</c>, <c>yes</c>, <c>on</c> / <c>false</c>, <c>no</c>, <c>off</c>, in any case; null for other text.</summary>
    public static bool? Parse(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };
}
