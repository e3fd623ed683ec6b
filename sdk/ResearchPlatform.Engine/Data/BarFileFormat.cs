namespace ResearchPlatform.Engine.Data;

/// <summary>The layout of a market-data file.</summary>
public enum BarFileFormat
{
    /// <summary>Sniff the format from the content (and compression) of the file.</summary>
    Auto,

    /// <summary>freqtrade JSON: <c>[[open_time_ms, open, high, low, close, volume], ...]</c> (optionally gzip'd).</summary>
    Freqtrade,

    /// <summary>Binance kline CSV, with or without header; open time in ms or µs (optionally inside a .zip).</summary>
    Binance,

    /// <summary>Delimited text with a header naming time/open/high/low/close/volume in any order, or headerless <c>time,o,h,l,c,v</c>.</summary>
    Csv,

    /// <summary>Apache Parquet with time/open/high/low/close/volume columns (read through DuckDB).</summary>
    Parquet,
}
