using System.Text;

namespace Crosswalk.Cli.Output;

/// <summary>
/// Text from documents is untrusted wherever it goes: a cell a spreadsheet would run as a formula, or control
/// characters a terminal would obey, are made inert here.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// A CSV field: quoted when it holds a separator, quote or line break; a value starting with a character a
    /// spreadsheet reads as a formula (= + - @, tab, carriage return), other than a plain number, is prefixed with an apostrophe, as OWASP advises.
    /// </summary>
    public static string Csv(string value)
    {
        // A plain number (-12) cannot be a formula, and stays a number for the spreadsheet.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

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
