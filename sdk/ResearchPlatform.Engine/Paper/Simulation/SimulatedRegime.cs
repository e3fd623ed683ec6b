namespace ResearchPlatform.Engine.Paper.Simulation;

/// <summary>The hidden state of the synthetic market (index into <see cref="SyntheticMarketParameters.Regimes"/>).</summary>
internal enum SimulatedRegime
{
    Bull = 0,
    Bear = 1,
    Sideways = 2,
    HighVol = 3,
}
