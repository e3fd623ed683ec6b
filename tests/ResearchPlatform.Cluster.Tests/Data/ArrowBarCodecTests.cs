using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Cluster.Data;
using ResearchPlatform.Cluster.Tests.TestSupport;
using ResearchPlatform.Engine.Evolution.Evaluation;

namespace ResearchPlatform.Cluster.Tests.Data;

public sealed class ArrowBarCodecTests
{
    [Fact]
    public void Decode_EncodedBars_SameBitsSymbolIntervalAndKey()
    {
        var bars = Problems.Bars;

        var payload = ArrowBarCodec.Encode(bars);
        var back = ArrowBarCodec.Decode(payload);

        Assert.Equal(DatasetKeys.Of(bars), payload.Descriptor.Key);
        Assert.Equal(bars.Symbol, back.Symbol);
        Assert.Equal(bars.Interval, back.Interval);
        Assert.Equal(bars.OpenTimesMs, back.OpenTimesMs);
        Assert.Equal(bars.Close, back.Close);
        Assert.Equal(bars.Volume, back.Volume);
        Assert.Equal(DatasetKeys.Of(bars), DatasetKeys.Of(back));
        Assert.Equal(64, payload.Descriptor.PayloadSha256.Length);
    }

    [Fact]
    public void Decode_TamperedPayload_ThrowsNamingTheDataset()
    {
        var payload = ArrowBarCodec.Encode(Problems.Bars);
        var bytes = (byte[])payload.ArrowIpc.Clone();
        bytes[^100] ^= 0xFF;

        var ex = Assert.Throws<InvalidDataException>(() => ArrowBarCodec.Decode(payload with { ArrowIpc = bytes }));

        Assert.Contains(payload.Descriptor.Key, ex.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongKey_Throws()
    {
        var payload = ArrowBarCodec.Encode(Problems.Bars);

        var ex = Assert.Throws<InvalidDataException>(() => ArrowBarCodec.Decode(payload with { Descriptor = payload.Descriptor with { Key = "other" } }));

        Assert.Contains("decoded bars have key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DtoMapping_RoundTrip_KeepsNegativeZeroFreeGenesExactly()
    {
        var i = new Engine.Evolution.Genome.Individual("s", "1", [0.1 + 0.2, double.Epsilon, -3]);

        var back = DtoMapping.FromDto(DtoMapping.ToDto(i));

        Assert.Equal(i, back);
    }
}
