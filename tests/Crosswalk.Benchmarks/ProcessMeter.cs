using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crosswalk.Benchmarks;

/// <summary>One measured process run; <paramref name="UserSeconds"/> and <paramref name="SystemSeconds"/> are NaN when unknown.</summary>
internal sealed record Measurement(TimeSpan Wall, long PeakRssBytes, double UserSeconds, double SystemSeconds, int ExitCode, string StdoutTail, string StderrTail)
{
    /// <summary>User plus system processor time, in seconds.</summary>
    public double CpuSeconds => UserSeconds + SystemSeconds;
}

/// <summary>
/// Runs a whole process and measures its wall time (Stopwatch around start..exit), peak resident memory and processor
/// time: GNU <c>/usr/bin/time -f "%M %U %S"</c> when available (max RSS in KiB and user and system seconds, reported by
/// wait4), else VmHWM polled from <c>/proc/PID/status</c> every ~5 ms and no processor time.
/// </summary>
internal sealed class ProcessMeter
{
    private const string GnuTime = "/usr/bin/time";
    private const string TimeFormat = "%M %U %S";
    private readonly bool _useGnuTime;
    private readonly string _scratch;

    public ProcessMeter(string scratchDirectory)
    {
        _scratch = scratchDirectory;
        _useGnuTime = File.Exists(GnuTime) && ProbeGnuTime();
    }

    public string Method => _useGnuTime
        ? "/usr/bin/time -f '%M %U %S' (max RSS and user and system time from wait4)"
        : "VmHWM polled from /proc/PID/status every 5 ms; processor time unknown";

    public Measurement Run(string fileName, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        string? timeFile = null;
        if (_useGnuTime)
        {
            timeFile = Path.Combine(_scratch, $"time-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
            psi.FileName = GnuTime;
            psi.ArgumentList.Add("-f");
            psi.ArgumentList.Add(TimeFormat);
            psi.ArgumentList.Add("-o");
            psi.ArgumentList.Add(timeFile);
            psi.ArgumentList.Add(fileName);
        }
        else
        {
            psi.FileName = fileName;
        }
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        var stdout = new Tail();
        var stderr = new Tail();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);

        var sw = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long polledPeak = 0;
        if (!_useGnuTime)
        {
            while (!process.WaitForExit(5))
            {
                polledPeak = Math.Max(polledPeak, ReadVmHwm(process.Id));
            }
        }
        else
        {
            process.WaitForExit();
        }
        sw.Stop();
        process.WaitForExit(); // flush the asynchronous readers

        var (peak, user, system) = (polledPeak, double.NaN, double.NaN);
        if (timeFile is not null)
        {
            (var kib, user, system) = ParseGnuTime(timeFile);
            peak = kib * 1024;
            File.Delete(timeFile);
        }
        return new Measurement(sw.Elapsed, peak, user, system, process.ExitCode, stdout.Text, stderr.Text);
    }

    /// <summary>The "KIB USER SYSTEM" line GNU time wrote, or zeros and NaNs when it is missing.</summary>
    private static (long Kib, double User, double System) ParseGnuTime(string file)
    {
        if (!File.Exists(file))
        {
            return (0, double.NaN, double.NaN);
        }
        // With a non-zero exit, GNU time writes "Command exited with non-zero status N" before the format line.
        var last = File.ReadAllLines(file).LastOrDefault(l => l.Length > 0 && char.IsAsciiDigit(l[0]));
        var parts = last?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length == 3
               && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
               && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
               && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system)
            ? (kib, user, system)
            : (0, double.NaN, double.NaN);
    }

    private static long ReadVmHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = new string(line.Where(char.IsAsciiDigit).ToArray());
                    return long.Parse(digits, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between polls.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private bool ProbeGnuTime()
    {
        try
        {
            Directory.CreateDirectory(_scratch);
            var file = Path.Combine(_scratch, "time-probe.txt");
            var psi = new ProcessStartInfo(GnuTime) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-f", TimeFormat, "-o", file, "true" })
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            var ok = p.ExitCode == 0 && ParseGnuTime(file).Kib > 0;
            File.Delete(file);
            return ok;
        }
        catch (Exception ex) when (ex is IOException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Keeps the last lines of a stream (for error messages and the summary line).</summary>
    private sealed class Tail
    {
        private const int MaxLines = 40;
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_lines)
                {
                    var sb = new StringBuilder();
                    foreach (var l in _lines)
                    {
                        sb.Append(l).Append('\n');
                    }
                    return sb.ToString();
                }
            }
        }
    }
}
