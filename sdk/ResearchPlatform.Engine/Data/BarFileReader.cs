using System.Text;
using ResearchPlatform.Engine.Data.Parsing;
using ResearchPlatform.Engine.Data.Validation;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Reads and validates a market-data file without any database: the entry point for backtesting straight from a file
/// and the first half of <see cref="BarStore.ImportFile"/>. Formats: freqtrade JSON, Binance kline CSV, generic OHLCV
/// CSV, headerless <c>time,o,h,l,c,v</c>, Parquet; gzip and single-file zip archives are opened transparently. Invalid
/// files throw <see cref="DataValidationException"/> naming <c>file:line</c> and what is wrong.
/// </summary>
public static class BarFileReader
{
    /// <summary>
    /// Reads <paramref name="path"/>. <paramref name="symbol"/> defaults to a symbol column in the file, then to the file
    /// name (<c>BTC_USDT-1h.json</c> → BTC/USDT); <paramref name="interval"/> defaults to an interval column, then to the
    /// most common spacing between bars.
    /// </summary>
    public static BarFileReadResult Read(
        string path,
        BarFileFormat format = BarFileFormat.Auto,
        string? symbol = null,
        BarInterval? interval = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new DataValidationException(full, "file not found");
        }

        var raw = Parse(full, format, out var used, ct);
        var (resolvedSymbol, symbolInferred) = ResolveSymbol(full, symbol, raw.SymbolHint);
        var givenInterval = interval ?? IntervalFromHint(raw.IntervalHint);
        var valid = BarSetValidator.Validate(raw, givenInterval);
        var series = valid.ToSeries(resolvedSymbol);
        return new BarFileReadResult(
            full,
            used,
            series,
            GapReport.Detect(series),
            symbolInferred,
            interval is null && valid.IntervalInferred,
            valid.DuplicatesDropped);
    }

    /// <summary>Parses without validating (also used by tests).</summary>
    internal static RawBars Parse(string path, BarFileFormat format, out BarFileFormat used, CancellationToken ct)
    {
        if (format == BarFileFormat.Parquet || (format == BarFileFormat.Auto && FileSniffer.IsParquet(path)))
        {
            used = BarFileFormat.Parquet;
            return ParquetBarParser.Parse(path, ct);
        }

        var content = FileSniffer.ReadText(path);
        if (format is BarFileFormat.Csv or BarFileFormat.Binance && content.Format == BarFileFormat.Freqtrade)
        {
            throw new DataValidationException(path, $"the file is a JSON array, not {format} text; use format freqtrade or auto");
        }

        var effective = format == BarFileFormat.Auto ? content.Format : format;
        if (effective == BarFileFormat.Freqtrade)
        {
            used = BarFileFormat.Freqtrade;
            return FreqtradeJsonParser.Parse(content.Bytes, path, ct);
        }

        using var reader = new StreamReader(new MemoryStream(content.Bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return DelimitedBarParser.Parse(reader, path, format, out used, ct);
    }

    private static (string Symbol, bool Inferred) ResolveSymbol(string path, string? given, string? hint)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return (given.Trim(), false);
        }

        var inferred = string.IsNullOrWhiteSpace(hint) ? SymbolNames.FromFileName(path) : hint.Trim();
        return inferred is null
            ? throw new DataValidationException(path, "cannot tell the symbol from the file name; pass a symbol (--symbol BTC/USDT)")
            : (inferred, true);
    }

    private static BarInterval? IntervalFromHint(string? hint) =>
        hint is not null && BarInterval.TryParse(hint, out var iv, out _) ? iv : null;
}
