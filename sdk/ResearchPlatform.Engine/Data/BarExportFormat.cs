namespace ResearchPlatform.Engine.Data;

/// <summary>File formats bars can be exported to.</summary>
public enum BarExportFormat
{
    /// <summary>Apache Parquet (zstd), columns symbol, interval, open_time (TIMESTAMPTZ, UTC), open, high, low, close, volume.</summary>
    Parquet,

    /// <summary>Arrow IPC file (Feather v2), same columns, open_time as timestamp[ms, UTC].</summary>
    Arrow,

    /// <summary>CSV with header open_time,open,high,low,close,volume; ISO-8601 UTC times, round-trip doubles.</summary>
    Csv,
}
