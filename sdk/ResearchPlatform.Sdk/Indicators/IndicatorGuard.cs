namespace ResearchPlatform.Sdk.Indicators;

/// <summary>Argument checks shared by the indicators.</summary>
internal static class IndicatorGuard
{
    public static void Period(int period, string name = "period")
    {
        if (period < 1)
        {
            throw new ArgumentOutOfRangeException(name, period, $"{name} must be >= 1");
        }
    }

    public static void SameLength(int input, int output, string name = "output")
    {
        if (output < input)
        {
            throw new ArgumentException($"{name} has {output} elements, the input has {input}", name);
        }
    }
}
