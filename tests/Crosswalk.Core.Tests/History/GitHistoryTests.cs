using System.Diagnostics;
using Crosswalk.History;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.History;

public sealed class GitHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Day2 = new(2024, 3, 2, 11, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day3 = new(2024, 3, 3, 9, 15, 45, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset Day4 = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day5 = new(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);

    // Long enough that a small edit keeps a renamed file above git's 50% similarity.
    private static readonly string Body = string.Concat(Enumerable.Range(1, 20).Select(i => $"Line {i} of a page that stays.\n"));

    private readonly TempSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_file_changed_by_three_commits_has_three_revisions_newest_first()
    {
        // Given
        Init();
        _site.Write("page.md", "one\n");
        var first = Commit("Add the page", Day1, "Ada Lovelace");
        _site.Write("page.md", "two\n");
        _site.Write("other.md", "other\n");
        var second = Commit("Edit the page, add another", Day2, "Grace Hopper");
        _site.Write("page.md", "three\n");
        var third = Commit("Edit the page again", Day3, "Ada Lovelace");

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal(HistoryStatus.Ok, result.Status);
        Assert.Null(result.Message);
        Assert.Equal(
            [
                new Revision(third, Git("rev-parse", "--short", third), Day3, "Ada Lovelace", "Edit the page again"),
                new Revision(second, Git("rev-parse", "--short", second), Day2, "Grace Hopper", "Edit the page, add another"),
                new Revision(first, Git("rev-parse", "--short", first), Day1, "Ada Lovelace", "Add the page"),
            ],
            result.ByFile[Full("page.md")]);
        Assert.Equal(Day3.Offset, result.ByFile[Full("page.md")][0].Date.Offset);
        Assert.Equal([second], result.ByFile[Full("other.md")].Select(r => r.Id));
        Assert.Equal(2, result.ByFile.Count);
    }

    [Fact]
    public void A_subfolder_reads_only_its_own_files_keyed_by_full_path()
    {
        // Given
        Init();
        _site.Write("content/guide/intro.md", "intro\n");
        _site.Write("README.md", "readme\n");
        var first = Commit("Start", Day1);
        _site.Write("README.md", "readme, edited\n");
        Commit("Edit the README only", Day2);

        // When
        var result = GitHistory.Read(_site.PathOf("content"));

        // Then
        Assert.Equal(HistoryStatus.Ok, result.Status);
        var (path, revisions) = Assert.Single(result.ByFile);
        Assert.Equal(Path.GetFullPath(Path.Combine(_site.Root, "content", "guide", "intro.md")), path);
        Assert.Equal([first], revisions.Select(r => r.Id));
    }

    [Fact]
    public void Renames_are_followed_and_a_name_used_again_starts_a_new_history()
    {
        // Given: a.md is edited, renamed to b.md, moved to guide/c.md, and a new a.md is added afterwards.
        Init();
        _site.Write("a.md", Body);
        var added = Commit("Add a", Day1);
        _site.Write("a.md", Body + "edit\n");
        var edited = Commit("Edit a", Day2);
        Git("mv", "a.md", "b.md");
        _site.Write("b.md", Body + "edit\nand again\n");
        var renamed = Commit("Rename a to b, with an edit", Day3);
        Directory.CreateDirectory(_site.PathOf("guide"));
        Git("mv", "b.md", "guide/c.md");
        var moved = Commit("Move b into guide as c", Day4);
        _site.Write("a.md", "a new page under the old name\n");
        var reused = Commit("A new a", Day5);

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal([moved, renamed, edited, added], result.ByFile[Full("guide/c.md")].Select(r => r.Id));
        Assert.Equal([reused], result.ByFile[Full("a.md")].Select(r => r.Id));
        Assert.False(result.ByFile.ContainsKey(Full("b.md")));
    }

    [Fact]
    public void A_file_deleted_and_added_again_starts_a_new_history()
    {
        // Given
        Init();
        _site.Write("page.md", "the first page\n");
        Commit("Add the first page", Day1);
        File.Delete(_site.PathOf("page.md"));
        Commit("Delete it", Day2);
        _site.Write("page.md", "another page\n");
        var again = Commit("Add another page under the same name", Day3);

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal([again], result.ByFile[Full("page.md")].Select(r => r.Id));
    }

    [Fact]
    public void Repository_settings_that_change_log_output_are_overridden()
    {
        // Given: settings that would hide the root commit's files and turn off rename detection.
        Init();
        Git("config", "log.showRoot", "false");
        Git("config", "diff.renames", "false");
        _site.Write("a.md", Body);
        var added = Commit("Add a", Day1);
        Git("mv", "a.md", "b.md");
        var renamed = Commit("Rename a to b", Day2);

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal([renamed, added], result.ByFile[Full("b.md")].Select(r => r.Id));
        Assert.Single(result.ByFile);
    }

    [Fact]
    public void Names_with_spaces_unicode_tabs_and_newlines_are_read()
    {
        // Given
        Init();
        List<string> names = ["my page.md", "café/naïve ü 日本.md", "-dash.md"];
        if (!OperatingSystem.IsWindows())
        {
            names.Add("\"quoted\".md");
            names.Add("tab\there.md");
            names.Add("new\nline.md");
            names.Add("sep\u001eand\u001f.md");
        }
        foreach (var name in names)
        {
            _site.Write(name, $"{name}\n");
        }
        var first = Commit("Odd names", Day1);
        _site.Write("my page.md", "edited\n");
        var second = Commit("Edit the spaced name", Day2);

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal(names.Select(Full).Order(StringComparer.Ordinal), result.ByFile.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([second, first], result.ByFile[Full("my page.md")].Select(r => r.Id));
        Assert.Equal([first], result.ByFile[Full("café/naïve ü 日本.md")].Select(r => r.Id));
    }

    [Fact]
    public void Subjects_and_authors_with_tabs_and_separators_are_kept_whole()
    {
        // Given
        Init();
        _site.Write("page.md", "text\n");
        const string subject = "fix:\ttabs | pipes \u001f unit \u001e record \"quotes\" ünïcödé %H %x00";
        const string author = "Zoë \u001f O'Brien \u001e Jr"; // git trims control characters only at the ends
        Commit($"{subject}\n\nThe body\nis not the subject.", Day1, author);

        // When
        var revision = Assert.Single(GitHistory.Read(_site.Root).ByFile[Full("page.md")]);

        // Then
        Assert.Equal(subject, revision.Subject);
        Assert.Equal(author, revision.Author);
        Assert.Equal(Day1, revision.Date);
    }

    [Fact]
    public void An_untracked_file_has_no_entry()
    {
        // Given
        Init();
        _site.Write("tracked.md", "tracked\n");
        Commit("Track one", Day1);
        _site.Write("untracked.md", "untracked\n");
        _site.Write("staged.md", "staged, not committed\n");
        Git("add", "staged.md");

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal([Full("tracked.md")], result.ByFile.Keys);
    }

    [Fact]
    public void A_merge_lists_the_branch_commits_not_the_merge()
    {
        // Given
        Init();
        _site.Write("a.md", "a\n");
        _site.Write("b.md", "b\n");
        var first = Commit("Start", Day1);
        Git("checkout", "-q", "-b", "side");
        _site.Write("a.md", "a on the side\n");
        var side = Commit("Edit a on a branch", Day2);
        Git("checkout", "-q", "main");
        _site.Write("b.md", "b on main\n");
        var main = Commit("Edit b on main", Day3);
        Git(Day4, "-c", "user.name=M", "-c", "user.email=m@example.com", "merge", "-q", "--no-edit", "side");

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal([side, first], result.ByFile[Full("a.md")].Select(r => r.Id));
        Assert.Equal([main, first], result.ByFile[Full("b.md")].Select(r => r.Id));
    }

    [Fact]
    public void A_folder_outside_any_repository_is_not_a_repository()
    {
        // Given: the temporary folder itself must be outside any work tree for this test to mean anything.
        Assert.NotEqual(0, Run(_site.Root, null, "rev-parse", "--show-toplevel").ExitCode);
        _site.Write("page.md", "text\n");

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal(HistoryStatus.NotARepository, result.Status);
        Assert.Equal("not in a git repository: pages get no revision history", result.Message);
        Assert.Empty(result.ByFile);
    }

    [Fact]
    public void A_shallow_clone_is_read_and_reported()
    {
        // Given: three commits, cloned one deep.
        Init();
        _site.Write("origin/page.md", "one\n");
        Commit("One", Day1);
        _site.Write("origin/page.md", "two\n");
        Commit("Two", Day2);
        _site.Write("origin/page.md", "three\n");
        var last = Commit("Three", Day3);
        var clone = Path.Combine(_site.Root, "..", Path.GetFileName(_site.Root) + "-clone");
        try
        {
            Git("clone", "-q", "--depth", "1", new Uri(_site.Root).AbsoluteUri, clone);

            // When
            var result = GitHistory.Read(clone);

            // Then
            Assert.Equal(HistoryStatus.Shallow, result.Status);
            Assert.Contains("shallow clone", result.Message);
            var revision = Assert.Single(result.ByFile[Path.GetFullPath(Path.Combine(clone, "origin", "page.md"))]);
            Assert.Equal((last, "Three", Day3), (revision.Id, revision.Subject, revision.Date));
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    [Fact]
    public void A_repository_without_commits_is_ok_and_empty()
    {
        // Given
        Init();
        _site.Write("page.md", "text\n");
        Git("add", "page.md");

        // When
        var result = GitHistory.Read(_site.Root);

        // Then
        Assert.Equal(HistoryStatus.Ok, result.Status);
        Assert.Null(result.Message);
        Assert.Empty(result.ByFile);
    }

    [Fact]
    public void A_missing_folder_fails_without_throwing()
    {
        var result = GitHistory.Read(_site.PathOf("missing"));

        Assert.Equal(HistoryStatus.Failed, result.Status);
        Assert.Contains("folder not found", result.Message);
    }

    [Fact]
    public void A_cancelled_read_throws()
    {
        Init();
        _site.Write("page.md", "text\n");
        Commit("One", Day1);

        Assert.ThrowsAny<OperationCanceledException>(() => GitHistory.Read(_site.Root, new CancellationToken(canceled: true)));
    }

    private string Full(string relative) => Path.GetFullPath(_site.PathOf(relative));

    private void Init() => Git("init", "-q", "-b", "main");

    /// <summary>Commits everything with the given author and date (as author and committer date); returns the commit id.</summary>
    private string Commit(string message, DateTimeOffset date, string author = "Test Author")
    {
        Git("add", "-A");
        Git(date, "-c", $"user.name={author}", "-c", "user.email=author@example.com", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    private string Git(params string[] arguments) => Git(Day1, arguments);

    private string Git(DateTimeOffset date, params string[] arguments)
    {
        var (code, output, error) = Run(_site.Root, date, arguments);
        Assert.True(code == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Trim();
    }

    /// <summary>Runs git without the user's or the system's configuration, so a fixture is the same everywhere.</summary>
    private static (int ExitCode, string Output, string Error) Run(string folder, DateTimeOffset? date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        if (date is { } d)
        {
            start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = d.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

/// <summary>Tests that change PATH for the whole process run alone, after the tests that run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessPathCollection
{
    public const string Name = "process PATH";
}

[Collection(ProcessPathCollection.Name)]
public sealed class GitMissingTests
{
    [Fact]
    public void Without_git_on_the_path_the_status_is_git_missing()
    {
        // Given
        using var site = new TempSite(("page.md", "text\n"));
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", site.Root);
        GitHistoryResult result;
        try
        {
            // When
            result = GitHistory.Read(site.Root);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        // Then
        Assert.Equal(HistoryStatus.GitMissing, result.Status);
        Assert.Equal("git not found: pages get no revision history", result.Message);
        Assert.Empty(result.ByFile);
    }
}

[Collection(ProcessPathCollection.Name)]
public sealed class GitHangsTests
{
    [Fact]
    public void Cancelling_kills_a_git_that_hangs_with_its_children()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in git below is a shell script
        }
        // Given: a "git" that starts a child which holds the output pipe open for half a minute.
        using var site = new TempSite(("bin/git", "#!/bin/sh\nsleep 30\n"));
        File.SetUnixFileMode(site.PathOf("bin/git"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", $"{site.PathOf("bin")}{Path.PathSeparator}{path}");
        var watch = Stopwatch.StartNew();
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            // When, then
            Assert.ThrowsAny<OperationCanceledException>(() => GitHistory.Read(site.Root, cancel.Token));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }
}
