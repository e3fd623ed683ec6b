using System.Text;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// An input file is invalid; nothing was imported. The message lists the problems as <c>file:line: what is wrong</c>
/// (the first few, then how many more), ordered by line. The host maps this to exit code 2.
/// </summary>
public sealed class DataValidationException : Exception
{
    /// <summary>How many errors the message lists before summarising the rest.</summary>
    public const int MaxListed = 10;

    public DataValidationException(string filePath, IReadOnlyList<DataError> errors, int totalErrors)
        : base(Format(errors, totalErrors))
    {
        FilePath = filePath;
        Errors = errors;
        TotalErrors = totalErrors;
    }

    /// <summary>A problem with the whole file, reported as <c>file: message</c>.</summary>
    public DataValidationException(string filePath, string message)
        : this(filePath, [new DataError(filePath, 0, message)], 1)
    {
    }

    /// <summary>A problem on one line, reported as <c>file:line: message</c>.</summary>
    public DataValidationException(string filePath, int line, string message)
        : this(filePath, [new DataError($"{filePath}:{line}", line, message)], 1)
    {
    }

    public DataValidationException()
        : this(string.Empty, "invalid data")
    {
    }

    public DataValidationException(string message)
        : this(string.Empty, message)
    {
    }

    public DataValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Errors = [new DataError(string.Empty, 0, message)];
        TotalErrors = 1;
    }

    /// <summary>The file that failed validation.</summary>
    public string FilePath { get; }

    /// <summary>The errors found (at most a bounded number; see <see cref="TotalErrors"/>), ordered by line.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>How many errors were found in total.</summary>
    public int TotalErrors { get; }

    private static string Format(IReadOnlyList<DataError> errors, int total)
    {
        var sb = new StringBuilder();
        foreach (var e in errors.Take(MaxListed))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(e.Location.Length == 0 ? e.Message : e.ToString());
        }

        var more = total - Math.Min(errors.Count, MaxListed);
        if (more > 0)
        {
            sb.Append('\n').Append(System.Globalization.CultureInfo.InvariantCulture, $"... and {more} more error{(more == 1 ? string.Empty : "s")}");
        }

        return sb.ToString();
    }
}
