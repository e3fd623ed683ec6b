using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Sdk.Tests.Indicators;

/// <summary>Worked examples published by StockCharts (ChartSchool spreadsheets for EMA and RSI), to two decimals.</summary>
public sealed class PublishedExampleTests
{
    [Fact]
    public void Ema_StockChartsTenDayExample_Matches()
    {
        double[] close = [22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29, 22.15, 22.39, 22.38, 22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63];
        double[] expected = [22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80, 22.97, 23.13, 23.28, 23.34];
        var ema = Ema.Compute(close, 10);
        Assert.All(ema.Take(9), v => Assert.True(double.IsNaN(v)));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ema[9 + i], 0.01);
        }
    }

    [Fact]
    public void Rsi_StockChartsFourteenDayExample_Matches()
    {
        // the spreadsheet's closes carry four decimals; the table shows them rounded to two
        double[] close =
        [
            44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328,
            46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
        ];
        double[] expected = [70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77];
        var rsi = Rsi.Compute(close, 14);
        Assert.All(rsi.Take(14), v => Assert.True(double.IsNaN(v)));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], rsi[14 + i], 0.006);
        }
    }
}
