using System.Globalization;

namespace Crosswalk.Benchmarks;

/// <summary>A bad command line; reported as a usage error (exit 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parser (BCL only).</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                _values[arg[..eq]] = arg[(eq + 1)..];
            }
            else if (flags.Contains(arg))
            {
                _values[arg] = null;
            }
            else if (e.MoveNext())
            {
                _values[arg] = e.Current;
            }
            else
            {
                throw new UsageException($"option '{arg}' needs a value");
            }
        }
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    public string? String(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var v) ? v : null;
    }

    public int Int(string name, int fallback)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }
        return int.TryParse(s.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v
            : throw new UsageException($"{name} expects a non-negative integer, got '{s}'");
    }

    public ulong ULong(string name, ulong fallback)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }
        return ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"{name} expects a non-negative integer, got '{s}'");
    }

    public int[] IntList(string name, int[] fallback)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }
        var parts = s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i]) || result[i] < 1)
            {
                throw new UsageException($"{name} expects a comma-separated list of positive integers, got '{s}'");
            }
        }
        return result.Length > 0 ? result : throw new UsageException($"{name} is empty");
    }

    /// <summary>A comma-separated list of words out of <paramref name="allowed"/>, in the order of <paramref name="allowed"/>.</summary>
    public string[] Choices(string name, string[] fallback, string[] allowed)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }
        var parts = s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = parts.Where(p => !allowed.Contains(p, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || parts.Length == 0)
        {
            throw new UsageException($"{name} expects a comma-separated list of {string.Join(", ", allowed)}, got '{s}'");
        }
        return [.. allowed.Where(a => parts.Contains(a, StringComparer.Ordinal))];
    }

    /// <summary>Fails on options that no command read (typos).</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option(s): {string.Join(", ", unknown)}");
        }
    }
}
