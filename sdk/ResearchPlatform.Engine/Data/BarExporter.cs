using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Writes a <see cref="BarSeries"/> as Parquet (through DuckDB <c>COPY</c>), Arrow IPC (Apache.Arrow) or CSV. The file is
/// written beside the target under a temporary name and moved into place when complete, so a failed export never leaves
/// a truncated file behind.
/// </summary>
internal static class BarExporter
{
    private const int ArrowBatchRows = 131_072;

    public static async Task<long> WriteAsync(DuckDBConnection con, BarSeries series, BarExportFormat format, string outPath, CancellationToken ct)
    {
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".partial-" + Path.GetRandomFileName();
        try
        {
            switch (format)
            {
                case BarExportFormat.Parquet:
                    WriteParquet(con, series, temp, ct);
                    break;
                case BarExportFormat.Arrow:
                    await WriteArrowAsync(series, temp, ct);
                    break;
                default:
                    WriteCsv(series, temp, ct);
                    break;
            }

            File.Move(temp, full, overwrite: true);
            return new FileInfo(full).Length;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void WriteParquet(DuckDBConnection con, BarSeries s, string path, CancellationToken ct)
    {
        const string table = "bars_export";
        con.Execute($"CREATE OR REPLACE TEMP TABLE {table} (t BIGINT, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE)");
        try
        {
            using (var app = con.CreateAppender(table))
            {
                for (var i = 0; i < s.Count; i++)
                {
                    if ((i & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    app.CreateRow().AppendValue(s.OpenTimesMs[i]).AppendValue(s.Open[i]).AppendValue(s.High[i]).AppendValue(s.Low[i])
                        .AppendValue(s.Close[i]).AppendValue(s.Volume[i]).EndRow();
                }
            }

            con.Execute(
                $"COPY (SELECT {DuckDbExtensions.SqlLiteral(s.Symbol)} AS symbol, {DuckDbExtensions.SqlLiteral(s.Interval.Code)} AS interval, " +
                $"make_timestamp(t * 1000)::TIMESTAMPTZ AS open_time, open, high, low, close, volume FROM {table} ORDER BY t) " +
                $"TO {DuckDbExtensions.SqlLiteral(path)} (FORMAT parquet, COMPRESSION zstd)");
        }
        finally
        {
            con.Execute($"DROP TABLE IF EXISTS {table}");
        }
    }

    private static async Task WriteArrowAsync(BarSeries s, string path, CancellationToken ct)
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("symbol").DataType(StringType.Default).Nullable(false))
            .Field(f => f.Name("interval").DataType(StringType.Default).Nullable(false))
            .Field(f => f.Name("open_time").DataType(new TimestampType(TimeUnit.Millisecond, "UTC")).Nullable(false))
            .Field(f => f.Name("open").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("high").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("low").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("close").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("volume").DataType(DoubleType.Default).Nullable(false))
            .Metadata("symbol", s.Symbol)
            .Metadata("interval", s.Interval.Code)
            .Build();
        await using var stream = File.Create(path);
        using var writer = new ArrowFileWriter(stream, schema);
        await writer.WriteStartAsync(ct);
        for (var start = 0; start < s.Count; start += ArrowBatchRows)
        {
            var len = Math.Min(ArrowBatchRows, s.Count - start);
            var timeType = (TimestampType)schema.GetFieldByName("open_time").DataType;
            IArrowArray[] columns =
            [
                Repeat(s.Symbol, len),
                Repeat(s.Interval.Code, len),
                new TimestampArray.Builder(timeType).AppendRange(Times(s, start, len)).Build(),
                Doubles(s.Open, start, len),
                Doubles(s.High, start, len),
                Doubles(s.Low, start, len),
                Doubles(s.Close, start, len),
                Doubles(s.Volume, start, len),
            ];
            using var batch = new RecordBatch(schema, columns, len);
            await writer.WriteRecordBatchAsync(batch, ct);
        }

        await writer.WriteEndAsync(ct);
    }

    private static IEnumerable<DateTimeOffset> Times(BarSeries s, int start, int len)
    {
        for (var i = start; i < start + len; i++)
        {
            yield return DateTimeOffset.FromUnixTimeMilliseconds(s.OpenTimesMs[i]);
        }
    }

    private static StringArray Repeat(string value, int count)
    {
        var b = new StringArray.Builder();
        for (var i = 0; i < count; i++)
        {
            b.Append(value);
        }

        return b.Build();
    }

    private static DoubleArray Doubles(double[] values, int start, int len) =>
        new DoubleArray.Builder().Append(values.AsSpan(start, len)).Build();

    private static void WriteCsv(BarSeries s, string path, CancellationToken ct)
    {
        using var w = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        w.Write("open_time,open,high,low,close,volume\n");
        Span<char> buf = stackalloc char[64];
        for (var i = 0; i < s.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            w.Write(DateTimeOffset.FromUnixTimeMilliseconds(s.OpenTimesMs[i]).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture));
            WriteNumber(w, s.Open[i], buf);
            WriteNumber(w, s.High[i], buf);
            WriteNumber(w, s.Low[i], buf);
            WriteNumber(w, s.Close[i], buf);
            WriteNumber(w, s.Volume[i], buf);
            w.Write('\n');
        }
    }

    private static void WriteNumber(StreamWriter w, double v, Span<char> buf)
    {
        w.Write(',');
        v.TryFormat(buf, out var written, "R", CultureInfo.InvariantCulture);
        w.Write(buf[..written]);
    }
}
