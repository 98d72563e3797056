namespace Crosswalk.Benchmarks;

/// <summary>
/// The crosswalk users get from <c>dotnet tool install</c>: packs <c>src/Crosswalk.Cli</c> into a local feed and installs
/// it from there into a tool folder, with a NuGet configuration and package cache of its own (nothing from the user's
/// cache or sources can stand in for the package just packed).
/// </summary>
internal static class InstalledTool
{
    public const string PackageId = "Crosswalk.Cli";

    /// <summary>
    /// The <c>dotnet</c> commands that pack the tool, run from the repository root: FEED is replaced by the feed folder.
    /// Kept here, in one place, because how the tool is packed is changing (issue 18: a RID-specific native package,
    /// which may need <c>-r linux-x64</c> or a second pack, e.g. one for the pointer package and one per runtime).
    /// </summary>
    public static readonly string[][] PackCommands =
    [
        ["pack", "src/Crosswalk.Cli", "-c", "Release", "-o", "FEED", "-nologo", "-v", "q"],
    ];

    /// <summary>The install command: TOOLS, FEED and CONFIG are replaced by the tool folder, the feed and the NuGet configuration.</summary>
    public static readonly string[] InstallCommand =
        ["tool", "install", PackageId, "--tool-path", "TOOLS", "--add-source", "FEED", "--configfile", "CONFIG"];

    /// <summary>
    /// Packs and installs into <c>WORK/installed-tool</c> (or, with <paramref name="skipBuild"/>, reuses what an earlier
    /// run installed there) and returns how to run the installed command, with a description of the form that got
    /// installed: the native executable or the framework-dependent <c>crosswalk.dll</c>.
    /// </summary>
    public static Launcher Install(string repositoryRoot, string workDirectory, bool skipBuild, TextWriter log)
    {
        var root = Path.Combine(Path.GetFullPath(workDirectory), "installed-tool");
        var feed = Path.Combine(root, "feed");
        var tools = Path.Combine(root, "tools");
        var packages = Path.Combine(root, "packages");
        var config = Path.Combine(root, "nuget.config");
        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "crosswalk.exe" : "crosswalk");
        if (!skipBuild)
        {
            // A fresh feed, cache and tool folder each time: the package keeps its version from commit to commit.
            foreach (var dir in new[] { feed, tools, packages })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            Directory.CreateDirectory(feed);
            File.WriteAllText(config,
                $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{packages}" /></config>
                  <packageSources><clear /><add key="crosswalk-bench" value="{feed}" /></packageSources>
                </configuration>

                """);
            string Fill(string a) => a switch { "FEED" => feed, "TOOLS" => tools, "CONFIG" => config, _ => a };
            foreach (var pack in PackCommands)
            {
                Tools.Dotnet(repositoryRoot, [.. pack.Select(Fill)], log);
            }
            // NUGET_PACKAGES overrides globalPackagesFolder; pointed at the isolated cache as well.
            Tools.Dotnet(root, [.. InstallCommand.Select(Fill)], log, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages });
        }
        if (!File.Exists(command))
        {
            throw new UsageException($"'{command}' does not exist; run without --no-build once");
        }
        return new Launcher(command, [], $"{command} (dotnet tool install; {Form(tools)})");
    }

    /// <summary>Which program the installed command runs: a native executable or <c>crosswalk.dll</c> on the shared runtime.</summary>
    public static string Form(string toolPath)
    {
        var store = Path.Combine(toolPath, ".store");
        var files = Directory.Exists(store) ? Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories).ToList() : [];
        var dll = files.FirstOrDefault(f => Path.GetFileName(f).Equals("crosswalk.dll", StringComparison.OrdinalIgnoreCase));
        if (dll is not null)
        {
            return $"framework-dependent crosswalk.dll, JIT: {Path.GetRelativePath(toolPath, dll)}";
        }
        var native = files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals("crosswalk", StringComparison.OrdinalIgnoreCase) && IsNative(f));
        return native is not null
            ? $"native executable ({Describe(native)}): {Path.GetRelativePath(toolPath, native)}"
            : "neither crosswalk.dll nor a native crosswalk found in the tool's store";
    }

    // ELF, PE or Mach-O (64-bit) rather than a script or a managed assembly alone.
    private static bool IsNative(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(file);
        return stream.Read(magic) == 4 && (magic.SequenceEqual("\u007fELF"u8) || magic[..2].SequenceEqual("MZ"u8) || magic.SequenceEqual(new byte[] { 0xCF, 0xFA, 0xED, 0xFE }));
    }

    private static string Describe(string file) => $"{new FileInfo(file).Length / 1048576.0:F0} MiB";
}
