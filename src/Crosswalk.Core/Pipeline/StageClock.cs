using System.Diagnostics;

namespace Crosswalk.Pipeline;

/// <summary>Measures stages: wall time, processor time of all threads, bytes allocated on all threads and time the garbage collector paused them.</summary>
internal sealed class StageClock(List<StageTiming> timings)
{
    public T Time<T>(string stage, Func<T> work)
    {
        var alloc = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Environment.CpuUsage.TotalTime;
        var sw = Stopwatch.StartNew();
        var result = work();
        // CollectionCount(n) counts the collections of generation n or older: the differences give each generation's.
        var (all0, all1, all2) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        timings.Add(new StageTiming(stage, sw.Elapsed, Environment.CpuUsage.TotalTime - cpu, GC.GetTotalAllocatedBytes() - alloc,
            GC.GetTotalMemory(forceFullCollection: false), GC.GetTotalPauseDuration() - paused, all0 - all1, all1 - all2, all2));
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });
}
