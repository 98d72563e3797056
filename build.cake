// Cake build script: `dotnet tool restore && dotnet cake [--target=Task]`.
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./Crosswalk.slnx";
var cli = "./src/Crosswalk.Cli/Crosswalk.Cli.csproj";

Task("Clean")
    .Does(() =>
{
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
    if (DirectoryExists("./_site"))
    {
        DeleteDirectory("./_site", new DeleteDirectorySettings { Recursive = true });
    }
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true });
});

Task("Check")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetRun(cli, new ProcessArgumentBuilder().Append("check").Append("--strict"),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

Task("Site")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetRun(cli, new ProcessArgumentBuilder().Append("build"),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

// The tool packages, into ./nupkg. With no --rid: the pointer package Crosswalk.Cli, this machine's native package
// (linux-x64, linux-arm64, osx-arm64 or win-x64) and the framework-dependent `any` package, enough for
// `dotnet tool install --global --add-source nupkg Crosswalk.Cli` here. With --rid=RID: that RID's package alone; a
// native one must be packed on its own operating system (.github/workflows/release.yml packs each on its runner).
// --package-version=X.Y.Z sets the version (default 1.0.0); every package of a release must have the same one.
Task("Pack")
    .Does(() =>
{
    var rid = Argument("rid", "");
    var version = Argument("package-version", "");
    var msbuild = new DotNetMSBuildSettings();
    if (version != "")
    {
        msbuild.WithProperty("Version", version);
    }
    DotNetPack(cli, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = "./nupkg",
        Runtime = rid == "" ? null : rid,
        MSBuildSettings = msbuild,
    });
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Check")
    .IsDependentOn("Site");

RunTarget(target);
