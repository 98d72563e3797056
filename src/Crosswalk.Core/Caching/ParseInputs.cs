using System.Security.Cryptography;
using System.Text;
using Crosswalk.Config;
using Crosswalk.Config.Profiles;
using Crosswalk.Criteria;

namespace Crosswalk.Caching;

/// <summary>
/// Everything a page's parse depends on besides its own bytes and path, as one fingerprint: the tool itself (its
/// executable and assembly, which fix the parser, the built-in catalogs and theme), site.yml's bytes and where the
/// site is, and the catalog files read. What is judged after the parse (review dates against today, the layout a page
/// asks for, severities) is worked out again on every run, so it is not part of it.
/// </summary>
internal static class ParseInputs
{
    private static readonly Lazy<byte[]> s_tool = new(ToolIdentity);

    /// <summary>
    /// The fingerprint of this run's parse inputs, or null when pages may depend on files it does not cover: a
    /// generator's profile reads the generator's own configuration (and MkDocs snippets include other files).
    /// </summary>
    public static byte[]? Fingerprint(SiteConfig config, CatalogSet catalogs)
    {
        if (config.Profile.Name != SiteProfiles.Crosswalk || config.Profile.SnippetFolders.Count > 0 || config.Profile.Files.Count > 0)
        {
            return null;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(ReadOnlySpan<byte> part)
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
            hash.AppendData(length);
            hash.AppendData(part);
        }
        Add("crosswalk parse inputs"u8);
        Add(s_tool.Value);
        Add(Encoding.UTF8.GetBytes(config.ConfigPath));
        Add(Encoding.UTF8.GetBytes(config.RootDirectory));
        Add(Encoding.UTF8.GetBytes(config.SourceDirectory));
        Add(config.SourceDigest);
        Add(catalogs.SourceDigest);
        return hash.GetHashAndReset();
    }

    // A new build of the tool, of the libraries it parses with or of the runtime is a new parser: their identities, and
    // the paths, sizes and times of the files they are loaded from (the executable when native, else the assemblies).
    private static byte[] ToolIdentity()
    {
        var text = new StringBuilder();
        text.Append(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription).Append('\n');
        foreach (var assembly in new[] { typeof(ParseInputs).Assembly, typeof(Markdig.Markdown).Assembly, typeof(YamlDotNet.RepresentationModel.YamlStream).Assembly })
        {
            text.Append(assembly.FullName).Append('\n');
            try
            {
                text.Append(assembly.ManifestModule.ModuleVersionId).Append('\n');
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
            {
                // Some compiled forms keep no module id: the files below still tell builds apart.
            }
        }
        string?[] files = [Environment.ProcessPath, .. new[] { "Crosswalk.Core.dll", "Markdig.dll", "YamlDotNet.dll" }.Select(f => Path.Combine(AppContext.BaseDirectory, f))];
        foreach (var path in files)
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                continue;
            }
            try
            {
                var info = new FileInfo(path);
                text.Append(path).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                text.Append(path).Append("|?\n");
            }
        }
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
