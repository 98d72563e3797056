using System.Security.Cryptography;
using System.Text;

namespace Crosswalk.Oscal;

/// <summary>Name-based UUIDs (version 5, RFC 9562): the same namespace and name always give the same UUID.</summary>
public static class NameBasedUuid
{
    /// <summary>
    /// Crosswalk's namespace: every UUID the OSCAL export makes is named in it, and <see cref="OscalExport.Namespace"/>
    /// (its URN) qualifies Crosswalk's own properties. Drawn at random once; changing it would change every exported UUID.
    /// </summary>
    public static readonly Guid Crosswalk = new("531fd013-dd02-46e9-9c88-78e858bbf747");

    /// <summary>The version 5 UUID of <paramref name="name"/> (as UTF-8) in <paramref name="ns"/>.</summary>
    public static Guid V5(Guid ns, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        // SHA-1 is what version 5 is defined with; it names, it does not protect anything.
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
