using System.Numerics;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Wire;

/// <summary>Sections F1, F2 and P13 of the vectors file, plus the price/size rounding rules of the spec (section 4).</summary>
public sealed class WireFormatTests
{
    [Theory]
    [InlineData(-0.0, "0")]
    [InlineData(0.00076000, "0.00076")]
    [InlineData(0.00000001, "0.00000001")]
    [InlineData(0.12345678, "0.12345678")]
    [InlineData(87654321.12345678, "87654321.12345678")]
    [InlineData(987654321.00000000, "987654321")]
    [InlineData(87654321.1234, "87654321.1234")]
    [InlineData(0.0147, "0.0147")]
    [InlineData(1670.1, "1670.1")]
    [InlineData(100.0, "100")]
    [InlineData(103.0, "103")]
    [InlineData(1000.0, "1000")]
    public void FloatToWire_Vector_FormatsLikeTheSdks(double input, string expected) =>
        Assert.Equal(expected, WireFormat.FloatToWire(input));

    [Fact]
    public void FloatToWire_PositiveZeroDouble_IsZero() => Assert.Equal("0", WireFormat.FloatToWire(0.0));

    [Fact]
    public void FloatToWire_NegativeZeroDecimal_IsZero() => Assert.Equal("0", WireFormat.FloatToWire(-0.0m));

    [Fact]
    public void FloatToWire_NineDecimals_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WireFormat.FloatToWire(0.000000001m));

    [Theory]
    [InlineData("123123123123", "12312312312300000000")]
    [InlineData("0.00001231", "1231")]
    [InlineData("1.033", "103300000")]
    public void FloatToIntForHashing_Vector_ScalesExactly(string input, string expected) =>
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WireFormat.FloatToIntForHashing(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void FloatToIntForHashing_TooManyDecimals_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WireFormat.FloatToIntForHashing(0.000012312312m));

    [Theory]
    [InlineData("1234.56", 2, false, "1234.6")]
    [InlineData("0.0012345", 0, false, "0.001234")]
    [InlineData("0.012345", 1, false, "0.01234")]
    [InlineData("123456.7", 5, false, "123457")]
    [InlineData("0.00012345", 0, true, "0.00012345")]
    [InlineData("0.00012345", 3, true, "0.00012")]
    [InlineData("30135.5", 5, false, "30136")]
    public void RoundPrice_Value_RoundsToFiveSignificantFiguresAndDecimals(string px, int szDecimals, bool spot, string expected)
    {
        var rounded = WireFormat.RoundPrice(decimal.Parse(px, System.Globalization.CultureInfo.InvariantCulture), szDecimals, spot);

        Assert.Equal(expected, WireFormat.FloatToWire(rounded));
        Assert.True(WireFormat.IsValidPrice(rounded, szDecimals, spot));
    }

    [Theory]
    [InlineData("1234.5", 0, true)]
    [InlineData("1234.56", 0, false)]
    [InlineData("0.001234", 0, true)]
    [InlineData("0.0012345", 0, false)]
    [InlineData("0.01234", 1, true)]
    [InlineData("0.012345", 1, false)]
    [InlineData("123456", 0, true)]
    public void IsValidPrice_SpecExample_MatchesSpec(string px, int szDecimals, bool expected) =>
        Assert.Equal(expected, WireFormat.IsValidPrice(decimal.Parse(px, System.Globalization.CultureInfo.InvariantCulture), szDecimals, isSpot: false));

    [Theory]
    [InlineData("1.001", 3, true)]
    [InlineData("1.0001", 3, false)]
    public void IsValidSize_SpecExample_MatchesSpec(string sz, int szDecimals, bool expected) =>
        Assert.Equal(expected, WireFormat.IsValidSize(decimal.Parse(sz, System.Globalization.CultureInfo.InvariantCulture), szDecimals));
}
