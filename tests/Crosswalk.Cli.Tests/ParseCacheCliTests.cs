using Crosswalk.Caching;

namespace Crosswalk.Cli.Tests;

[Collection("cli")]
public sealed class ParseCacheCliTests
{
    private static string CacheFileOf(CliRunner cli) => ParseCache.PathFor(CacheFolder.Path, cli.PathOf("site.yml"));

    [Fact]
    public void A_second_check_reads_the_pages_from_the_cache_and_reports_the_same_faults()
    {
        using var cli = new CliRunner("faults", git: false);

        var first = cli.Run("check", "--timings");
        var second = cli.Run("check", "--timings");

        Assert.Equal(1, first.Exit);
        Assert.Contains($"parse cache: 0 pages read, 4 parsed, written ({CacheFileOf(cli)})", first.Err);
        Assert.Contains($"parse cache: 4 pages read, 0 parsed ({CacheFileOf(cli)})", second.Err);
        Assert.Equal((first.Exit, first.Out), (second.Exit, second.Out));
        var uncached = cli.Run("check", "--no-cache");
        Assert.Equal((first.Exit, first.Out), (uncached.Exit, uncached.Out));
    }

    [Fact]
    public void No_cache_neither_reads_nor_writes_one()
    {
        using var cli = new CliRunner("clean", git: false);

        var (exit, _, stderr) = cli.Run("build", "--no-cache", "--timings");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("parse cache", stderr);
        Assert.False(File.Exists(CacheFileOf(cli)));
        Assert.Contains("parse cache: 0 pages read", cli.Run("build", "--timings").Err);
        Assert.True(File.Exists(CacheFileOf(cli)));
    }
}
