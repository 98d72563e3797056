namespace Crosswalk.Output;

/// <summary>CSV as the reports and the bundle write it: text from documents is untrusted, so no cell can run as a formula.</summary>
public static class CsvText
{
    /// <summary>
    /// A CSV field: quoted when it holds a separator, quote or line break; a value starting with a character a
    /// spreadsheet reads as a formula (= + - @, tab, carriage return), other than a plain number, is prefixed with an apostrophe, as OWASP advises.
    /// </summary>
    public static string Cell(string value)
    {
        // A plain number (-12) cannot be a formula, and stays a number for the spreadsheet.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>One CSV line (ending with a line break) of <paramref name="cells"/>, each made safe by <see cref="Cell"/>.</summary>
    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\n";
}
