using System.Net;

namespace Crosswalk.Cli.Serve;

/// <summary>The address <c>serve</c> binds: an IP literal or <c>localhost</c> (which means 127.0.0.1).</summary>
internal static class ServeHost
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 4000;

    public static bool TryParse(string? host, out IPAddress address, out string error)
    {
        address = IPAddress.Loopback;
        error = "";
        var text = host?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "--host must not be empty";
            return false;
        }
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }
        if (IPAddress.TryParse(text, out var parsed) && (text.Contains(':') || text.Count(c => c == '.') == 3))
        {
            address = parsed;
            return true;
        }
        error = $"--host '{host}' is not an IP address or 'localhost'";
        return false;
    }

    public static bool IsValidPort(int port) => port is >= 0 and <= 65535;

    /// <summary>True for Host headers that name this machine's loopback (guards a loopback server against DNS rebinding).</summary>
    public static bool IsLoopbackName(string host)
    {
        if (host.Length == 0 || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var ip) && IPAddress.IsLoopback(ip);
    }
}
