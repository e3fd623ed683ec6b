using System.Globalization;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Paper.Simulation;

/// <summary>
/// Identifies a SIMULATION session's market so it can be regenerated (resume): stored as the session's data source,
/// <c>simulation:seed=7;bars=2000;interval=1h;symbol=SIM/USDT</c>; the default <see cref="SyntheticMarketParameters"/>.
/// </summary>
internal sealed record SimulationSource(int Seed, int Bars, BarInterval Interval, string Symbol)
{
    private const string Prefix = "simulation:";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}seed={Seed};bars={Bars};interval={Interval.Code};symbol={Symbol}");

    public SyntheticMarket Generate() => SyntheticMarketGenerator.Generate(SyntheticMarketParameters.Default, Symbol, Interval, Bars, Seed);

    public static bool TryParse(string text, out SimulationSource source)
    {
        source = null!;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("seed", out var seed) || !int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            || !parts.TryGetValue("bars", out var bars) || !int.TryParse(bars, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            || !parts.TryGetValue("interval", out var interval) || !parts.TryGetValue("symbol", out var symbol))
        {
            return false;
        }

        source = new SimulationSource(s, n, BarInterval.Parse(interval), symbol);
        return true;
    }
}
