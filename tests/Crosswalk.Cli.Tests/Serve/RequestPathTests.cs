using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/", "/", "index.html")]
    [InlineData("/a/b/", "/a/b/", "a/b/index.html")]
    [InlineData("/a/b/?x=1#f", "/a/b/", "a/b/index.html")]
    [InlineData("/assets/crosswalk.css", "/assets/crosswalk.css", "assets/crosswalk.css")]
    [InlineData("/caf%C3%A9/", "/café/", "café/index.html")]
    [InlineData("/100%25/", "/100%/", "100%/index.html")]
    [InlineData("/a%20b/", "/a b/", "a b/index.html")]
    [InlineData("/criteria/soc2-tsc-2017/cc6.1/", "/criteria/soc2-tsc-2017/cc6.1/", "criteria/soc2-tsc-2017/cc6.1/index.html")]
    [InlineData("http://127.0.0.1:4000/a/", "/a/", "a/index.html")]
    public void Accepts_site_paths(string raw, string path, string file)
    {
        Assert.True(RequestPath.TryNormalize(raw, out var normalized));
        Assert.Equal(path, normalized);
        Assert.Equal(file, RequestPath.ToFile(normalized));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("a/b")]
    [InlineData("/..")]
    [InlineData("/../site.yml")]
    [InlineData("/a/./b")]
    [InlineData("/%2e%2e/site.yml")]
    [InlineData("/%2E%2e/site.yml")]
    [InlineData("/%252e%252e/site.yml")]
    [InlineData("/%25252e%25252e/site.yml")]
    [InlineData("/a/%2f..%2f..%2fsite.yml")]
    [InlineData("/a%2fb")]
    [InlineData("/a%2Fb")]
    [InlineData("/a%252fb")]
    [InlineData("/..%5csite.yml")]
    [InlineData("/a%5Cb")]
    [InlineData("/a\\b")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2f%2fetc/passwd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/c:")]
    [InlineData("/a%00b")]
    [InlineData("/a%01b")]
    [InlineData("/a%7fb")]
    [InlineData("/a%c2%85b")]
    [InlineData("/a\u0001b")]
    [InlineData("/%c0%ae%c0%ae/site.yml")]
    [InlineData("/%c0%af")]
    [InlineData("/%e0%80%ae")]
    [InlineData("/%ed%a0%80")]
    [InlineData("/%ff")]
    [InlineData("/a//b")]
    [InlineData("/.../site.yml")]
    [InlineData("/.. /site.yml")]
    [InlineData("/%2e%2e%20/site.yml")]
    [InlineData("http://evil/../site.yml")]
    public void Refuses_escapes_in_any_encoding(string raw)
    {
        Assert.False(RequestPath.TryNormalize(raw, out _), raw);
    }
}

public sealed class WatchFilterTests
{
    [Theory]
    [InlineData("content/.a.md.swp")]
    [InlineData("content/.a.md.swx")]
    [InlineData("content/a.md.swo")]
    [InlineData("content/a.md~")]
    [InlineData("content/.#a.md")]
    [InlineData("content/#a.md#")]
    [InlineData("content/4913")]
    [InlineData("content/a.md.tmp")]
    [InlineData("content/.DS_Store")]
    [InlineData("content/.git/HEAD")]
    [InlineData("content/b/.hidden/x.md")]
    [InlineData("content/a.md___jb_tmp___")]
    public void Ignores_editor_noise(string path)
    {
        var root = Path.Combine(Path.GetTempPath(), "site");
        Assert.True(WatchFilter.IsIgnored(Path.Combine(root, path), Path.Combine(root, "content")));
    }

    [Theory]
    [InlineData("content/a.md")]
    [InlineData("content/b/c.mdx")]
    [InlineData("content/img/logo.png")]
    [InlineData("content/b")]
    public void Keeps_real_files(string path)
    {
        var root = Path.Combine(Path.GetTempPath(), ".hidden-parent", "site");
        Assert.False(WatchFilter.IsIgnored(Path.Combine(root, path), Path.Combine(root, "content")));
    }
}
