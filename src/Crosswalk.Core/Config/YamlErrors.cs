using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Crosswalk.Config;

/// <summary>Turns YamlDotNet exceptions into one-line messages without YamlDotNet's own position prefix.</summary>
internal static class YamlErrors
{
    public static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " — we report the position ourselves.
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && dash > 0)
        {
            message = message[(dash + 3)..];
        }
        return message.Trim();
    }

    /// <summary>
    /// YamlDotNet's representation model sometimes fails with an exception that carries no position. Re-reading the
    /// text event by event finds where it broke: the scanner's own error, or the last event read.
    /// </summary>
    public static (Mark Mark, string Message) Locate(string yaml, Exception original)
    {
        var parser = new Parser(new StringReader(yaml));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is ParsingEvent e)
                {
                    last = e.End;
                }
            }
        }
        catch (YamlException ex)
        {
            return (ex.Start, Describe(ex));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The scanner itself broke: the fault is just after the last event it produced.
            return (last, "unexpected content after this point (an unclosed bracket or quote?)");
        }
        return (last, original.Message);
    }
}
