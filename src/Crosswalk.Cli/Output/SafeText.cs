using System.Text;

namespace Crosswalk.Cli.Output;

/// <summary>
/// Text from documents is untrusted wherever it goes: control characters a terminal would obey are made inert here
/// (a cell a spreadsheet would run as a formula, by <see cref="Crosswalk.Output.CsvText"/>).
/// </summary>
internal static class SafeText
{
    /// <summary>Text for a terminal line: control characters (ESC, BEL, line breaks…) are shown as U+FFFD, not obeyed.</summary>
    public static string Terminal(string value)
    {
        if (!value.Any(char.IsControl))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsControl(c) ? '\uFFFD' : c);
        }
        return sb.ToString();
    }
}
