namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>Splits one line of delimited text into field ranges (trimmed, surrounding double quotes removed).</summary>
internal static class DelimitedLine
{
    /// <summary>The most frequent of <c>, ; \t |</c> in the header/first line (comma when none occurs).</summary>
    public static char DetectDelimiter(ReadOnlySpan<char> firstLine)
    {
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        var best = ',';
        var bestCount = 0;
        foreach (var c in candidates)
        {
            var n = firstLine.Count(c);
            if (n > bestCount)
            {
                best = c;
                bestCount = n;
            }
        }

        return best;
    }

    /// <summary>
    /// Writes up to <paramref name="fields"/>.Length field ranges and returns the number of fields on the line (which may
    /// exceed the span's length; extra fields are counted, not stored).
    /// </summary>
    public static int Split(ReadOnlySpan<char> line, char delimiter, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var inQuotes = false;
            while (i < line.Length && (inQuotes || line[i] != delimiter))
            {
                if (line[i] == '"')
                {
                    inQuotes = !inQuotes;
                }

                i++;
            }

            if (count < fields.Length)
            {
                fields[count] = Trim(line, start, i);
            }

            count++;
            if (i >= line.Length)
            {
                return count;
            }

            i++; // skip the delimiter
        }
    }

    private static Range Trim(ReadOnlySpan<char> line, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        if (end - start >= 2 && line[start] == '"' && line[end - 1] == '"')
        {
            start++;
            end--;
        }

        return new Range(start, end);
    }
}
