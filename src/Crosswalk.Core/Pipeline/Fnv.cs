namespace Crosswalk.Pipeline;

/// <summary>64-bit FNV-1a: a cheap fingerprint of render inputs for the preview's cache.</summary>
internal sealed class Fnv
{
    public ulong Value { get; private set; } = 14695981039346656037UL;

    public Fnv Add(string value)
    {
        // FNV-1a over 64-bit words (four characters at a time): signatures cover every page of a site on every edit.
        var chars = value.AsSpan();
        var hash = Value;
        foreach (var word in System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(chars))
        {
            hash = (hash ^ word) * 1099511628211UL;
        }
        foreach (var c in chars[(chars.Length & ~3)..])
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        Value = (hash ^ 0xFFFF0000UL ^ (ulong)value.Length) * 1099511628211UL; // a separator: ("ab", "c") differs from ("a", "bc")
        return this;
    }

    public Fnv Add(ulong value)
    {
        Value = (Value ^ value) * 1099511628211UL;
        Value = (Value ^ (value >> 29)) * 1099511628211UL;
        return this;
    }

    public Fnv Add(int value)
    {
        Value = (Value ^ 0xFFFE0000UL ^ (uint)value) * 1099511628211UL;
        return this;
    }
}
