namespace ResearchPlatform.Engine.Evolution.WalkForward;

/// <summary>A half-open range of bar indices [Start, Start + Length) of one series.</summary>
/// <param name="Start">First bar index (inclusive).</param>
/// <param name="Length">Number of bars.</param>
internal readonly record struct BarWindow(int Start, int Length)
{
    /// <summary>One past the last bar index.</summary>
    public int End => Start + Length;

    /// <summary>Whether the two ranges share at least one bar.</summary>
    public bool Overlaps(BarWindow other) => Start < other.End && other.Start < End;

    /// <summary>Whether <paramref name="index"/> lies inside the range.</summary>
    public bool Contains(int index) => index >= Start && index < End;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"[{Start},{End})");
}
