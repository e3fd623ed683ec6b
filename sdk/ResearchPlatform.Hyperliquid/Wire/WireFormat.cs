using System.Globalization;
using System.Numerics;

namespace ResearchPlatform.Hyperliquid.Wire;

/// <summary>
/// Hyperliquid number formats. Prices and sizes travel as strings that are part of the signed hash, so the format is
/// normative: at most 8 decimals, no trailing zeros, no exponent, invariant culture, never "-0" (Python's float_to_wire
/// bug is not reproduced). Amounts inside L1 actions are scaled integers (<see cref="FloatToIntForHashing"/>).
/// </summary>
public static class WireFormat
{
    /// <summary>Decimal places allowed for perp prices before subtracting szDecimals.</summary>
    public const int PerpMaxDecimals = 6;

    /// <summary>Decimal places allowed for spot prices before subtracting szDecimals.</summary>
    public const int SpotMaxDecimals = 8;

    /// <summary>Significant figures allowed in a non-integer price.</summary>
    public const int MaxSignificantFigures = 5;

    private const decimal Tolerance = 0.000000000001m;

    /// <summary>Formats a value as the exchange's wire string; throws when it needs more than 8 decimals.</summary>
    public static string FloatToWire(decimal value)
    {
        var rounded = Math.Round(value, 8, MidpointRounding.ToEven);
        if (Math.Abs(rounded - value) >= Tolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "float_to_wire causes rounding: more than 8 decimal places");
        }

        if (rounded == 0m)
        {
            return "0";
        }

        return rounded.ToString("0.########", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a double as the official SDKs do (<c>f"{x:.8f}"</c>, normalized); "-0" becomes "0".</summary>
    public static string FloatToWire(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "float_to_wire needs a finite number");
        }

        var fixedPoint = value.ToString("F8", CultureInfo.InvariantCulture);
        var parsed = decimal.Parse(fixedPoint, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (Math.Abs((double)parsed - value) >= 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "float_to_wire causes rounding: more than 8 decimal places");
        }

        return FloatToWire(parsed);
    }

    /// <summary><c>float_to_int_for_hashing</c>: value x 1e8 as an exact integer; throws when that would round.</summary>
    public static BigInteger FloatToIntForHashing(decimal value) => FloatToInt(value, 8);

    /// <summary><c>float_to_usd_int</c>: value x 1e6 as an exact integer (updateIsolatedMargin.ntli).</summary>
    public static BigInteger FloatToUsdInt(decimal value) => FloatToInt(value, 6);

    /// <summary>value x 10^power rounded to an integer; throws when the rounding exceeds 1e-3 of a unit.</summary>
    public static BigInteger FloatToInt(decimal value, int power)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        var scaled = value;
        for (var i = 0; i < power; i++)
        {
            scaled *= 10m;
        }

        var rounded = Math.Round(scaled, 0, MidpointRounding.ToEven);
        if (Math.Abs(rounded - scaled) >= 0.001m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "float_to_int causes rounding");
        }

        return new BigInteger(rounded);
    }

    /// <summary>
    /// Rounds a price to the exchange's rules: integers above 100,000 as integers, otherwise 5 significant figures and
    /// at most (6 perps | 8 spot) - szDecimals decimals. <paramref name="mode"/> picks the direction (e.g. passive:
    /// buys <see cref="MidpointRounding.ToNegativeInfinity"/>, sells <see cref="MidpointRounding.ToPositiveInfinity"/>).
    /// </summary>
    public static decimal RoundPrice(decimal price, int szDecimals, bool isSpot, MidpointRounding mode = MidpointRounding.ToEven)
    {
        if (price > 100_000m)
        {
            return Math.Round(price, 0, mode);
        }

        var sig = Math.Round(price, SignificantDecimals(price), mode);
        return Math.Round(sig, MaxPriceDecimals(szDecimals, isSpot), mode);
    }

    /// <summary>Rounds a size to szDecimals decimals.</summary>
    public static decimal RoundSize(decimal size, int szDecimals, MidpointRounding mode = MidpointRounding.ToEven) =>
        Math.Round(size, Math.Max(0, szDecimals), mode);

    /// <summary>True when the exchange accepts the price: an integer, or 5 significant figures within the decimals.</summary>
    public static bool IsValidPrice(decimal price, int szDecimals, bool isSpot)
    {
        if (price <= 0m)
        {
            return false;
        }

        if (price == Math.Truncate(price))
        {
            return true;
        }

        return RoundPrice(price, szDecimals, isSpot) == price && Math.Round(price, SignificantDecimals(price)) == price;
    }

    /// <summary>True when the size has at most szDecimals decimals and is positive.</summary>
    public static bool IsValidSize(decimal size, int szDecimals) => size > 0m && RoundSize(size, szDecimals) == size;

    /// <summary>Decimals allowed for a price: (6 perps | 8 spot) - szDecimals, never negative.</summary>
    public static int MaxPriceDecimals(int szDecimals, bool isSpot) =>
        Math.Max(0, (isSpot ? SpotMaxDecimals : PerpMaxDecimals) - szDecimals);

    private static int SignificantDecimals(decimal value)
    {
        var abs = Math.Abs(value);
        if (abs == 0m)
        {
            return 0;
        }

        var exponent = 0;
        while (abs >= 10m)
        {
            abs /= 10m;
            exponent++;
        }

        while (abs < 1m)
        {
            abs *= 10m;
            exponent--;
        }

        return Math.Clamp(MaxSignificantFigures - 1 - exponent, 0, 28);
    }
}
