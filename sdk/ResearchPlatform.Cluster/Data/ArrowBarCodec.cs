using System.Security.Cryptography;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Cluster.Data;

/// <summary>
/// Bars as Arrow IPC stream bytes (one record batch; symbol and interval in the schema metadata), content-hashed: the
/// form in which a dataset travels to a silo. Decoding checks the payload hash and the bars' own content key.
/// </summary>
internal static class ArrowBarCodec
{
    /// <summary>Encodes <paramref name="bars"/> and describes the payload.</summary>
    public static DatasetPayload Encode(BarSeries bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var schema = new Schema.Builder()
            .Field(f => f.Name("open_time_ms").DataType(Int64Type.Default).Nullable(false))
            .Field(f => f.Name("open").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("high").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("low").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("close").DataType(DoubleType.Default).Nullable(false))
            .Field(f => f.Name("volume").DataType(DoubleType.Default).Nullable(false))
            .Metadata("symbol", bars.Symbol)
            .Metadata("interval", bars.Interval.Code)
            .Build();
        IArrowArray[] columns =
        [
            new Int64Array.Builder().Append(bars.OpenTimesMs.AsSpan()).Build(),
            new DoubleArray.Builder().Append(bars.Open.AsSpan()).Build(),
            new DoubleArray.Builder().Append(bars.High.AsSpan()).Build(),
            new DoubleArray.Builder().Append(bars.Low.AsSpan()).Build(),
            new DoubleArray.Builder().Append(bars.Close.AsSpan()).Build(),
            new DoubleArray.Builder().Append(bars.Volume.AsSpan()).Build(),
        ];
        using var batch = new RecordBatch(schema, columns, bars.Count);
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        var bytes = stream.ToArray();
        return new DatasetPayload(new DatasetDescriptor(DatasetKeys.Of(bars), Sha256(bytes), bytes.Length), bytes);
    }

    /// <summary>Decodes a payload, checking its hash and that the bars give the descriptor's dataset key.</summary>
    public static BarSeries Decode(DatasetPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var d = payload.Descriptor;
        if (payload.ArrowIpc.Length != d.PayloadBytes || Sha256(payload.ArrowIpc) != d.PayloadSha256)
        {
            throw new InvalidDataException($"dataset '{d.Key}': the payload does not match its SHA-256 ({payload.ArrowIpc.Length} bytes received, {d.PayloadBytes} announced)");
        }

        using var reader = new ArrowStreamReader(new MemoryStream(payload.ArrowIpc, writable: false));
        using var batch = reader.ReadNextRecordBatch() ?? throw new InvalidDataException($"dataset '{d.Key}': no record batch");
        var meta = reader.Schema.Metadata;
        var bars = new BarSeries(
            meta["symbol"],
            BarInterval.Parse(meta["interval"]),
            ((Int64Array)batch.Column(0)).Values.ToArray(),
            Doubles(batch, 1),
            Doubles(batch, 2),
            Doubles(batch, 3),
            Doubles(batch, 4),
            Doubles(batch, 5));
        var key = DatasetKeys.Of(bars);
        return key == d.Key ? bars : throw new InvalidDataException($"dataset '{d.Key}': the decoded bars have key '{key}'");
    }

    private static double[] Doubles(RecordBatch batch, int column) => ((DoubleArray)batch.Column(column)).Values.ToArray();

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
