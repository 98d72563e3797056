using Scriban.Runtime;

namespace Crosswalk.Templates;

/// <summary>A Scriban output that keeps nothing: for pages whose HTML no one reads (check renders them for the verdict).</summary>
internal sealed class DiscardedOutput : IScriptOutput
{
    public static readonly DiscardedOutput Instance = new();

    private DiscardedOutput()
    {
    }

    public void Write(string text, int offset, int count)
    {
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
