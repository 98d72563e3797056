using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crosswalk.Benchmarks;

/// <summary>One measured process run.</summary>
internal sealed record Measurement(TimeSpan Wall, long PeakRssBytes, int ExitCode, string StdoutTail, string StderrTail);

/// <summary>
/// Runs a whole process and measures its wall time (Stopwatch around start..exit) and peak resident memory:
/// GNU <c>/usr/bin/time -f %M</c> when available (max RSS in KiB, reported by wait4), else VmHWM polled from
/// <c>/proc/PID/status</c> every ~5 ms.
/// </summary>
internal sealed class ProcessMeter
{
    private const string GnuTime = "/usr/bin/time";
    private readonly bool _useGnuTime;
    private readonly string _scratch;

    public ProcessMeter(string scratchDirectory)
    {
        _scratch = scratchDirectory;
        _useGnuTime = File.Exists(GnuTime) && ProbeGnuTime();
    }

    public string Method => _useGnuTime ? "/usr/bin/time -f %M (max RSS from wait4)" : "VmHWM polled from /proc/PID/status every 5 ms";

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
            psi.ArgumentList.Add("%M");
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

        long peak = polledPeak;
        if (timeFile is not null)
        {
            peak = ParseGnuTimeKib(timeFile) * 1024;
            File.Delete(timeFile);
        }
        return new Measurement(sw.Elapsed, peak, process.ExitCode, stdout.Text, stderr.Text);
    }

    private static long ParseGnuTimeKib(string file)
    {
        if (!File.Exists(file))
        {
            return 0;
        }
        // With a non-zero exit, GNU time writes "Command exited with non-zero status N" before the format line.
        var last = File.ReadAllLines(file).LastOrDefault(l => l.Length > 0 && char.IsAsciiDigit(l[0]));
        return last is not null && long.TryParse(last.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? kib : 0;
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
            foreach (var a in new[] { "-f", "%M", "-o", file, "true" })
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            var ok = p.ExitCode == 0 && ParseGnuTimeKib(file) > 0;
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
