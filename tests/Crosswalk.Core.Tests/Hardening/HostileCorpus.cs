using System.Text;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Hardening;

/// <summary>
/// The hostile-input corpus of TestData/800-hostile: each case is a folder holding a tiny site (site.yml, content/…)
/// and <c>expected.txt</c>, one expected diagnostic a line as <see cref="DiagnosticGolden"/> writes it:
/// <c>file(line,col): severity CODE: message</c>, <c>file(line): severity CODE: message</c> for a file whose column the
/// case does not pin, or <c>severity CODE: message</c> for a diagnostic without location. Big or platform-dependent inputs
/// (50 MB pages, symlinks, odd file names, exact line endings) are written by <see cref="Generators"/> at test time:
/// nothing big is committed.
/// </summary>
internal static class HostileCorpus
{
    public const string SecretText = "TOP-SECRET-OUTSIDE-THE-SOURCE-FOLDER";

    /// <summary>
    /// Generous for a slow CI machine, tiny next to a hang: nest-links-10k's check takes 3 s alone but took 23 s, and
    /// once over 30 s, while the two test suites ran at once on a slow day.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

    public static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "TestData", "800-hostile");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CorpusRoot).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Copies the case into <paramref name="siteRoot"/> and runs its generator.</summary>
    public static void Materialize(string name, string siteRoot)
    {
        var from = Path.Combine(CorpusRoot, name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative == "expected.txt")
            {
                continue;
            }
            var to = Path.Combine(siteRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        if (Generators.TryGetValue(name, out var generate))
        {
            generate(siteRoot);
        }
    }

    /// <summary>Lines of expected.txt without comments and blanks.</summary>
    public static List<string> Expected(string name) => DiagnosticGolden.Read(ExpectedPath(name));

    /// <summary>The case's expected.txt as the tests read it (copied next to the test binaries).</summary>
    public static string ExpectedPath(string name) => Path.Combine(CorpusRoot, name, "expected.txt");

    /// <summary>Rewrites the case's expected.txt (in the repository and next to the binaries) from <paramref name="actual"/>.</summary>
    public static void Accept(string name, IReadOnlyList<Diagnostic> actual, string siteRoot) =>
        DiagnosticGolden.Accept($"tests/Crosswalk.Core.Tests/TestData/800-hostile/{name}/expected.txt", ExpectedPath(name), actual, siteRoot);

    /// <summary>
    /// Formats <paramref name="actual"/> the way each expected line is written (with or without column, the site folder
    /// <paramref name="siteRoot"/> as a placeholder), so the two lists compare as sorted multisets.
    /// </summary>
    public static (List<string> Expected, List<string> Actual) Compare(IEnumerable<string> expected, IReadOnlyList<Diagnostic> actual, string siteRoot)
    {
        var exp = expected.ToList();
        var withoutColumn = DiagnosticGolden.FilesWithoutColumn(exp);
        var act = actual.Select(d => DiagnosticGolden.Line(d, siteRoot, withColumn: d.Location is not { } l || !withoutColumn.Contains(l.File))).ToList();
        exp.Sort(StringComparer.Ordinal);
        act.Sort(StringComparer.Ordinal);
        return (exp, act);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => "  " + d));

    /// <summary>Every diagnostic names a file and a 1-based line and column; CW1001/CW5001 about a missing file or the output folder may have none.</summary>
    public static void AssertLocated(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (d.Location is not { } l)
            {
                Assert.True(d.Code is "CW1001" or "CW5001", $"diagnostic without a location: {d}");
                continue;
            }
            Assert.False(string.IsNullOrEmpty(l.File), $"diagnostic without a file: {d}");
            Assert.True(l.Line >= 1, $"line < 1: {d}");
            Assert.True(l.Column >= 1, $"column < 1: {d}");
            Assert.DoesNotContain('\\', l.File);
            Assert.False(Path.IsPathRooted(l.File), $"absolute file in diagnostic: {d}");
        }
    }

    /// <summary>Runs <paramref name="work"/> on its own thread, failing (not hanging) after <paramref name="budget"/>.</summary>
    public static T Bounded<T>(Func<T> work, TimeSpan? budget = null)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return task.WaitAsync(budget ?? Budget).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            Assert.Fail($"did not finish within {(budget ?? Budget).TotalSeconds:F0} s (a hang)");
            throw;
        }
    }

    public static BuildResult CheckBounded(string configPath) =>
        Bounded(() => SiteBuilder.Check(new BuildOptions { ConfigPath = configPath }));

    // ---- generators: inputs too big, too binary or too platform-specific to commit ----

    private static readonly Dictionary<string, Action<string>> s_generators = new(StringComparer.Ordinal)
    {
        ["big-page-50mb"] = root => WriteBytes(root, "content/big.md", Repeat("# Big\n\n", "lorem ipsum dolor sit amet\n", 50 * 1024 * 1024)),
        ["long-line-10mb"] = root => WriteBytes(root, "content/long.md", Encoding.UTF8.GetBytes("# Long\n\n" + new string('a', 10 * 1024 * 1024) + "\n")),
        ["long-line-4mb-brackets"] = root => WriteText(root, "content/long.md", "# Long\n\n" + string.Concat(Enumerable.Repeat("[a", 2 * 1024 * 1024)) + "\n"),
        ["long-line-4mb-emphasis"] = root => WriteText(root, "content/long.md", "# Long\n\n" + string.Concat(Enumerable.Repeat("*a _", 1024 * 1024)) + "\n"),
        ["long-line-4mb-backticks"] = root => WriteText(root, "content/long.md", "# Long\n\n" + string.Concat(Enumerable.Repeat("`a``", 1024 * 1024)) + "\n"),
        ["long-line-4mb-lt"] = root => WriteText(root, "content/long.md", "# Long\n\n" + string.Concat(Enumerable.Repeat("<a ", 1024 * 1024)) + "\n"),
        ["nest-quotes-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + new string('>', 10_000) + " a\n"),
        ["nest-quotes-spaced-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("> ", 10_000) + "a\n"),
        // 2,000 levels: by indentation alone, 10,000 would need 100 MB of spaces.
        ["nest-lists-indented-2k"] = root => WriteText(root, "content/deep.md",
            "# Deep\n\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "- x\n"))),
        ["nest-lists-inline-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("- ", 10_000) + "x\n"),
        ["nest-ordered-inline-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("1. ", 10_000) + "x\n"),
        ["nest-list-quote-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("- > ", 10_000) + "x\n"),
        ["nest-brackets-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + new string('[', 10_000) + "a" + new string(']', 10_000) + "(x.md)\n"),
        ["nest-links-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("[a ", 10_000) + Rep("](#)", 10_000) + "\n"),
        ["nest-images-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("![", 10_000) + "a" + Rep("](i.png)", 10_000) + "\n"),
        ["nest-emphasis-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + new string('*', 10_000) + "a" + new string('*', 10_000) + "\n"),
        ["nest-emphasis-mixed-10k"] = root => WriteText(root, "content/deep.md",
            "# Deep\n\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? "*a " : "_b ")) + "c"
            + string.Concat(Enumerable.Range(0, 10_000).Reverse().Select(i => i % 2 == 0 ? "*" : "_")) + "\n"),
        ["nest-fences-100k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep(":::note\n", 100_000)),
        ["nest-list-fences-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("- :::note\n", 10_000)),
        ["nest-html-block-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\n" + Rep("<div>", 10_000) + "\na\n" + Rep("</div>", 10_000) + "\n"),
        ["nest-html-inline-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\nx " + Rep("<span>", 10_000) + "a" + Rep("</span>", 10_000) + "\n"),
        ["nest-html-anchors-10k"] = root => WriteText(root, "content/deep.md", "# Deep\n\nx " + Rep("<a href=\"#deep\">", 10_000) + "a" + Rep("</a>", 10_000) + "\n"),
        ["table-10k-columns"] = root => WriteText(root, "content/wide.md",
            "# Wide\n\n|" + Rep(" c |", 10_000) + "\n|" + Rep("---|", 10_000) + "\n|" + Rep(" v |", 10_000) + "\n"),
        ["table-10k-rows-mapped"] = root => WriteText(root, "content/tall.md",
            "# Tall\n\n| Control | SOC2 Mapping |\n| --- | --- |\n" + Rep("| x | CC6.1, CC6.2 |\n", 10_000)),
        ["mdx-unclosed-tag-100k"] = root => WriteText(root, "content/tag.mdx", "# Tag\n\n<Component\n" + Rep("  a=\"b\"\n", 100_000)),
        ["fm-deep-flow-100k"] = root => WriteText(root, "content/a.md", "---\ntitle: A\ndeep: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\n# A\n"),
        ["fm-deep-block-10k"] = root => WriteText(root, "content/a.md", "---\ntitle: A\ndeep:\n  " + Rep("- ", 10_000) + "x\n---\n# A\n"),
        ["site-yml-deep-flow-100k"] = root => WriteText(root, "site.yml", "title: Deep\nseverity: " + new string('{', 1) + "x: " + new string('[', 100_000) + new string(']', 100_000) + "}\n"),
        ["site-yml-invalid-utf8"] = root => WriteBytes(root, "site.yml", [.. "title: Caf"u8, 0xE9, .. "\nseverity:\n  CW2005: off\n  CW5002: off\n"u8]),
        ["site-yml-binary"] = root => WriteBytes(root, "site.yml", [.. "title: x\n"u8, 0, 1, 2, 0x89, .. "PNG\n"u8]),
        ["eol-lf"] = root => WriteText(root, "content/a.md", EolPage("\n", "\n")),
        ["eol-crlf"] = root => WriteText(root, "content/a.md", EolPage("\r\n", "\r\n")),
        ["eol-mixed"] = root => WriteText(root, "content/a.md", EolPage("\r\n", "\n")),
        ["eol-bom-crlf"] = root => WriteText(root, "content/a.md", "\uFEFF" + EolPage("\r\n", "\r\n")),
        ["eol-bom-link-on-line-1"] = root => WriteText(root, "content/a.md", "\uFEFF[broken](missing.md)\r\n"),
        ["eol-bom-no-front-matter"] = root => WriteText(root, "content/a.md", "\uFEFF# A\n\nline 3\n\nline 5 [broken](missing.md)\n"),
        ["eol-lone-cr"] = root => WriteText(root, "content/a.md", "# A\n\nline 3\rline 4\r\rline 6 [broken](missing.md)\n"),
        ["invalid-utf8"] = root => WriteBytes(root, "content/bad.md", [.. "# Bad\n\nline 3\nbad "u8, 0xFF, 0xFE, .. " here\n"u8]),
        ["invalid-utf8-overlong"] = root => WriteBytes(root, "content/bad.md", [.. "# Bad\n\n\u00e9t\u00e9 "u8, 0xC0, 0xAF, .. "\n"u8]),
        ["invalid-utf8-surrogate"] = root => WriteBytes(root, "content/bad.md", [.. "# Bad\nx "u8, 0xED, 0xA0, 0x80, .. "\n"u8]),
        ["binary-png-named-md"] = root => WriteBytes(root, "content/image.md", [0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n', 0, 0, 0, 0x0D, .. "IHDR"u8]),
        ["binary-utf16-md"] = root => WriteBytes(root, "content/wide.md", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# Wide\n")).ToArray()),
        ["symlink-loop"] = root =>
        {
            File.CreateSymbolicLink(Path.Combine(root, "content", "loop-a.md"), "loop-b.md");
            File.CreateSymbolicLink(Path.Combine(root, "content", "loop-b.md"), "loop-a.md");
            Directory.CreateDirectory(Path.Combine(root, "content", "sub"));
            Directory.CreateSymbolicLink(Path.Combine(root, "content", "sub", "again"), "..");
            File.CreateSymbolicLink(Path.Combine(root, "content", "dangling.md"), "does-not-exist.md");
        },
        ["symlink-outside"] = root =>
        {
            var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "secret.md"), $"# {SecretText}\n\n{SecretText}\n");
            File.WriteAllText(Path.Combine(outside, "secret.txt"), SecretText);
            File.CreateSymbolicLink(Path.Combine(root, "content", "secret.md"), Path.Combine(outside, "secret.md"));
            File.CreateSymbolicLink(Path.Combine(root, "content", "relative.md"), "../../outside/secret.md");
            File.CreateSymbolicLink(Path.Combine(root, "content", "secret.txt"), Path.Combine(outside, "secret.txt"));
            File.CreateSymbolicLink(Path.Combine(root, "content", "passwd.md"), "/etc/passwd");
            Directory.CreateSymbolicLink(Path.Combine(root, "content", "outdir"), outside);
            File.CreateSymbolicLink(Path.Combine(root, "content", "inside.md"), "index.md");
        },
        ["unreadable-files"] = root =>
        {
            var file = Path.Combine(root, "content", "locked.md");
            File.WriteAllText(file, "# Locked\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.None);
            }
            var dir = Path.Combine(root, "content", "lockeddir");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "inner.md"), "# Inner\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, UnixFileMode.None);
            }
        },
        ["name-backslash"] = root =>
        {
            WriteText(root, "content/a\\b.md", "# Backslash\n\n[home](index.md)\n");
            WriteText(root, "content/dir\\x/c.md", "# In a folder with a backslash\n");
            WriteText(root, "content/static\\..\\evil.txt", "text");
        },
        ["name-control-and-bidi"] = root =>
        {
            WriteText(root, "content/tab\there.md", "# Tab\n");
            WriteText(root, "content/bell\u0007.md", "# Bell\n");
            WriteText(root, "content/invoice\u202Efdp.md", "# Reversed\n");
            WriteText(root, "content/iso\u2067late.txt", "text");
        },
        ["name-nfd-twin"] = root =>
        {
            WriteText(root, "content/caf\u00e9.md", "# Composed\n");
            WriteText(root, "content/cafe\u0301.md", "# Decomposed\n");
            WriteText(root, "content/\u0391\u0301\u03b8\u03b7\u03bd\u03b1.md", "# Greek, decomposed\n");
        },
        ["name-long-path"] = root =>
        {
            // 12 folders of 200 bytes: each fits a file name, the whole (2,4xx bytes) is too long to publish.
            var deep = string.Join('/', Enumerable.Repeat(new string('d', 200), 12));
            WriteText(root, $"content/{deep}/page.md", "# Deep\n");
            WriteText(root, "content/long.md", "---\npermalink: /" + string.Join('/', Enumerable.Repeat(new string('p', 250), 9)) + "/\n---\n# Long\n");
        },
        ["special-files"] = root =>
        {
            MakeFifo(Path.Combine(root, "content", "pipe.md"));
            MakeFifo(Path.Combine(root, "content", "pipe.txt"));
            File.CreateSymbolicLink(Path.Combine(root, "content", "null.md"), "/dev/null");
            File.CreateSymbolicLink(Path.Combine(root, "content", "fifo-link.md"), "pipe.md");
        },
        // 21 pages at the per-page bound of 1,000 redirect_from entries: 21,000 redirect pages, over the site's 20,000.
        ["redirects-amplified"] = root =>
        {
            for (var p = 0; p < 21; p++)
            {
                WriteText(root, $"content/p{p:D2}.md", "---\nredirect_from:\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"  - /old/{p}/{i}/\n")) + "---\n# P\n");
            }
        },
        ["odd-file-names"] = root =>
        {
            WriteText(root, "content/index.md", "# Home\n\n[a](a%20b.md) [b](<a b.md>) [u](%C3%BCn%C3%AF.md) [u2](\u00fcn\u00ef.md) "
                + "[s](%24%28x%29%3B%7C%26.md) [q](it's%20%22quoted%22%20%3Cx%3E.md) [h](sub%20dir/p%C3%A4ge%20%231.md)\n");
            WriteText(root, "content/a b.md", "# Spaces\n\n[home](index.md)\n");
            WriteText(root, "content/\u00fcn\u00ef.md", "# Unicode\n\n[home](index.md)\n");
            WriteText(root, "content/$(x);|&.md", "# Shell\n\n[home](index.md)\n");
            WriteText(root, "content/it's \"quoted\" <x>.md", "# Quotes\n\n[home](index.md)\n");
            WriteText(root, "content/sub dir/p\u00e4ge #1.md", "# Hash\n\n[home](../index.md)\n");
        },
    };

    public static IReadOnlyDictionary<string, Action<string>> Generators => s_generators;

    /// <summary>A page whose broken link sits on line 8, column 10, whatever the line endings.</summary>
    private static string EolPage(string frontEol, string bodyEol) =>
        $"---{frontEol}title: Line endings{frontEol}owner: QA{frontEol}---{frontEol}# Line endings{bodyEol}{bodyEol}line 7{frontEol}See also [broken](missing.md).{bodyEol}{frontEol}## After{bodyEol}text [ok](#after){frontEol}";

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static string Rep(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    private static byte[] Repeat(string head, string line, int size)
    {
        var bytes = new byte[size];
        var h = Encoding.UTF8.GetBytes(head);
        var l = Encoding.UTF8.GetBytes(line);
        h.CopyTo(bytes, 0);
        for (var i = h.Length; i < size; i++)
        {
            bytes[i] = l[(i - h.Length) % l.Length];
        }
        return bytes;
    }

    private static void WriteText(string root, string relative, string text) =>
        WriteBytes(root, relative, new UTF8Encoding(false).GetBytes(text));

    private static void WriteBytes(string root, string relative, byte[] bytes)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
