using System.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Crosswalk.Templates;

/// <summary>Set once a layout has run past its budget: every other render stops too rather than each spending it again.</summary>
internal sealed class RenderStop
{
    private volatile bool _stopped;

    public bool Stopped => _stopped;

    public void Stop() => _stopped = true;
}

/// <summary>
/// A render context that ends a render running longer than its budget, or once another render has. It reads the clock
/// every so many evaluations instead of a cancellation timer per page: arming and disarming a timer for each of 10,000
/// pages contended on the runtime's timer lock.
/// </summary>
internal sealed class BudgetedContext(ScriptObject builtins) : TemplateContext(builtins)
{
    // Evaluations between two looks at the clock: a few microseconds of template work.
    private const int Every = 1024;

    private long _started;
    private TimeSpan _budget;
    private RenderStop? _stop;
    private int _steps;

    /// <summary>True when the last render was ended because it ran past its own budget (not because another did).</summary>
    public bool Overran { get; private set; }

    /// <summary>Starts the clock of a render.</summary>
    public void Start(TimeSpan budget, RenderStop stop)
    {
        (_started, _budget, _stop, _steps, Overran) = (Stopwatch.GetTimestamp(), budget, stop, 0, false);
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (++_steps % Every == 0 && _stop is { } stop)
        {
            Overran = Stopwatch.GetElapsedTime(_started) > _budget;
            if (Overran || stop.Stopped)
            {
                throw new ScriptAbortException(scriptNode?.Span ?? CurrentNode?.Span ?? default, CancellationToken.None);
            }
        }
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }
}
