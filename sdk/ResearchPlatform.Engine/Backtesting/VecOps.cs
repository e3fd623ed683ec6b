using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Small vector helpers for the kernel (lane-local operations only).</summary>
internal static class VecOps
{
    public static readonly V PosInf = Vector512.Create(double.PositiveInfinity);
    public static readonly V NegInf = Vector512.Create(double.NegativeInfinity);

    /// <summary>Variable <paramref name="var"/> of the group starting at <paramref name="lane"/> (a multiple of 8; group-major layout, <see cref="LaneVar"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Ld(ref double s, int var, int stride, int lane) => Vector512.LoadUnsafe(ref s, (nuint)((lane * LaneVar.Count) + (var * 8)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void St(ref double s, int var, int stride, int lane, V value) => value.StoreUnsafe(ref s, (nuint)((lane * LaneVar.Count) + (var * 8)));

    /// <summary>Adds <paramref name="value"/> to a state variable in lanes where <paramref name="mask"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddMasked(ref double s, int var, int stride, int lane, V mask, V value)
    {
        var cur = Ld(ref s, var, stride, lane);
        St(ref s, var, stride, lane, Vector512.ConditionalSelect(mask, cur + value, cur));
    }

    /// <summary>Adds <paramref name="value"/> (already zero outside the lanes concerned) to a state variable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref double s, int var, int stride, int lane, V value) => St(ref s, var, stride, lane, Ld(ref s, var, stride, lane) + value);

    /// <summary>Sets a state variable to <paramref name="value"/> in lanes where <paramref name="mask"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetMasked(ref double s, int var, int stride, int lane, V mask, V value)
    {
        var cur = Ld(ref s, var, stride, lane);
        St(ref s, var, stride, lane, Vector512.ConditionalSelect(mask, value, cur));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Filter(V target, TradeDirection direction) => direction switch
    {
        TradeDirection.LongOnly => Vector512.MaxNative(target, V.Zero),
        TradeDirection.ShortOnly => Vector512.MinNative(target, V.Zero),
        _ => target,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V mask) => mask.ExtractMostSignificantBits() != 0;
}
