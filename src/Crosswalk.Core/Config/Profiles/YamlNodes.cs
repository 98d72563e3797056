using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config.Profiles;

/// <summary>Lenient lookups in a generator's YAML: a missing or differently shaped key is simply absent.</summary>
internal static class YamlNodes
{
    /// <summary>The value of <paramref name="key"/> when <paramref name="node"/> is a mapping that has it.</summary>
    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The scalar value of <paramref name="key"/>, or null.</summary>
    public static string? Scalar(YamlNode? node, string key) => Child(node, key) is YamlScalarNode { Value: { } v } ? v : null;

    /// <summary>The scalars of a sequence (or the one scalar) under <paramref name="key"/>.</summary>
    public static IReadOnlyList<string> Scalars(YamlNode? node, string key) => Child(node, key) switch
    {
        YamlSequenceNode seq => [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>()],
        YamlScalarNode { Value: { } one } => [one],
        _ => [],
    };
}
