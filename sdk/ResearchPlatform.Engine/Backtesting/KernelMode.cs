namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// Compile-time kernel variants: the JIT specialises the positions loop per struct, so the fill mode and the stop
/// checks cost nothing when they do not apply.
/// </summary>
internal interface IKernelMode
{
    static abstract bool NextOpen { get; }

    static abstract bool Stops { get; }
}

/// <summary>Next-open fills, no stops.</summary>
internal readonly struct NextOpenMode : IKernelMode
{
    public static bool NextOpen => true;

    public static bool Stops => false;
}

/// <summary>Close fills, no stops.</summary>
internal readonly struct CloseMode : IKernelMode
{
    public static bool NextOpen => false;

    public static bool Stops => false;
}

/// <summary>Next-open fills with stops.</summary>
internal readonly struct NextOpenStopsMode : IKernelMode
{
    public static bool NextOpen => true;

    public static bool Stops => true;
}

/// <summary>Close fills with stops.</summary>
internal readonly struct CloseStopsMode : IKernelMode
{
    public static bool NextOpen => false;

    public static bool Stops => true;
}
