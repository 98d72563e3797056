using Crosswalk.Bundle;

namespace Crosswalk.Core.Tests.Bundle;

public sealed class GitHeadTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crosswalk-githead-" + Guid.NewGuid().ToString("N"));

    public GitHeadTests() => Directory.CreateDirectory(Path.Combine(_root, "site", "content"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void A_branch_is_read_from_its_loose_ref_from_a_folder_below_the_repository()
    {
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/refs/heads/main", Commit + "\n");

        Assert.Equal(Commit, GitHead.Commit(Path.Combine(_root, "site", "content")));
    }

    [Fact]
    public void A_packed_branch_is_read_from_packed_refs_and_a_detached_head_as_it_is()
    {
        Write(".git/HEAD", "ref: refs/heads/release\n");
        Write(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\n{new string('f', 40)} refs/heads/other\n{Commit} refs/heads/release\n^{new string('e', 40)}\n");

        Assert.Equal(Commit, GitHead.Commit(_root));

        Write(".git/HEAD", Commit.ToUpperInvariant() + "\n");
        Assert.Equal(Commit, GitHead.Commit(_root));
    }

    [Fact]
    public void A_worktree_follows_its_gitdir_file_and_the_shared_refs_of_commondir()
    {
        Write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/topic\n");
        Write("main/.git/worktrees/wt/commondir", "../..\n");
        Write("main/.git/refs/heads/topic", Commit + "\n");
        Write("site/.git", $"gitdir: {Path.Combine(_root, "main", ".git", "worktrees", "wt")}\n");

        Assert.Equal(Commit, GitHead.Commit(Path.Combine(_root, "site")));
    }

    [Theory]
    [InlineData("ref: refs/heads/../../../../etc/passwd\n")]
    [InlineData("ref: HEAD\n")]
    [InlineData("not a ref\n")]
    [InlineData("ref: refs/heads/missing\n")]
    public void Anything_unexpected_is_not_a_commit(string head)
    {
        Write(".git/HEAD", head);
        Write(".git/refs/heads/main", Commit + "\n");

        Assert.Null(GitHead.Commit(_root));
    }

    [Fact]
    public void A_ref_to_itself_ends()
    {
        Write(".git/HEAD", "ref: refs/heads/loop\n");
        Write(".git/refs/heads/loop", "ref: refs/heads/loop\n");

        Assert.Null(GitHead.Commit(_root));
    }
}
