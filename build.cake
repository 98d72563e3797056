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

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Check")
    .IsDependentOn("Site");

RunTarget(target);
