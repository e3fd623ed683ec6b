using System.Globalization;
using System.Net;
using System.Text;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// A small self-contained line chart drawn as inline SVG (no scripts, no fonts to fetch): series over a shared x axis,
/// optional vertical markers (events on the timeline), min/max labels on both axes and a legend.
/// </summary>
internal static class SvgChart
{
    private const int Width = 760;
    private const int Height = 240;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 26;
    private const int Bottom = 30;

    /// <summary>A named line in a colour.</summary>
    public sealed record Series(string Name, string Color, IReadOnlyList<double> Values);

    /// <summary>A vertical line at index <paramref name="At"/> with a tooltip.</summary>
    public sealed record Marker(int At, string Label, string Color);

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element; <paramref name="xLabels"/> names the first and last x.</summary>
    public static string Lines(string title, IReadOnlyList<Series> series, (string First, string Last) xLabels, IReadOnlyList<Marker>? markers = null, string yFormat = "0.##")
    {
        ArgumentNullException.ThrowIfNull(series);
        var finite = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        var n = series.Count == 0 ? 0 : series.Max(s => s.Values.Count);
        var (min, max) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        if (max - min < 1e-12)
        {
            (min, max) = (min - 1, max + 1);
        }

        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{E(title)}\">"));
        sb.Append(F($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>"));
        sb.Append(F($"<text x=\"{Left}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{E(title)}</text>"));
        sb.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#bbb\"/>"));
        foreach (var (value, y) in new[] { (max, Top), (min, Height - Bottom), ((min + max) / 2, (Top + Height - Bottom) / 2) })
        {
            sb.Append(F($"<text x=\"{Left - 4}\" y=\"{y + 4}\" font-size=\"10\" text-anchor=\"end\">{E(value.ToString(yFormat, CultureInfo.InvariantCulture))}</text>"));
        }

        sb.Append(F($"<text x=\"{Left}\" y=\"{Height - 10}\" font-size=\"10\">{E(xLabels.First)}</text>"));
        sb.Append(F($"<text x=\"{Width - Right}\" y=\"{Height - 10}\" font-size=\"10\" text-anchor=\"end\">{E(xLabels.Last)}</text>"));
        if (min < 0 && max > 0)
        {
            var zero = Y(0, min, max);
            sb.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{zero:0.#}\" y2=\"{zero:0.#}\" stroke=\"#ddd\"/>"));
        }

        foreach (var m in markers ?? [])
        {
            var x = X(m.At, n);
            sb.Append(F($"<line class=\"marker\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"{m.Color}\" stroke-dasharray=\"3,2\"><title>{E(m.Label)}</title></line>"));
        }

        var legendX = (double)Left + 8;
        foreach (var s in series)
        {
            sb.Append(F($"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\" points=\"{Points(s.Values, n, min, max)}\"><title>{E(s.Name)}</title></polyline>"));
            sb.Append(F($"<rect x=\"{legendX:0}\" y=\"{Top + 6}\" width=\"10\" height=\"3\" fill=\"{s.Color}\"/><text x=\"{legendX + 14:0}\" y=\"{Top + 11}\" font-size=\"10\">{E(s.Name)}</text>"));
            legendX += 24 + (s.Name.Length * 6);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Points(IReadOnlyList<double> values, int n, double min, double max)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsFinite(values[i]))
            {
                sb.Append(F($"{X(i, n):0.#},{Y(values[i], min, max):0.#} "));
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static double X(int i, int n) => Left + ((Width - Left - Right) * (n <= 1 ? 0 : (double)i / (n - 1)));

    private static double Y(double v, double min, double max) => Height - Bottom - ((Height - Top - Bottom) * (v - min) / (max - min));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
