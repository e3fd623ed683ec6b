using System.Globalization;
using ScottPlot;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>Turns a displayed value into a mime bundle: HTML, PNG (ScottPlot plots are rendered), else text.</summary>
internal static class MimeRenderer
{
    /// <summary>Size of a ScottPlot plot displayed without an explicit size.</summary>
    public const int DefaultPlotWidth = 900;

    /// <summary>Height of a ScottPlot plot displayed without an explicit size.</summary>
    public const int DefaultPlotHeight = 420;

    public static MimeBundle Render(object? value) => value switch
    {
        null => new MimeBundle().With("text/plain", "null"),
        HtmlContent html => new MimeBundle().With("text/html", html.Html).With("text/plain", html.PlainText ?? StripTags(html.Html)),
        PngImage png => new MimeBundle().With("image/png", Convert.ToBase64String(png.Bytes)).With("text/plain", png.Description),
        Plot plot => Render(RenderPlot(plot, DefaultPlotWidth, DefaultPlotHeight)),
        IFormattable f => new MimeBundle().With("text/plain", f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new MimeBundle().With("text/plain", value.ToString() ?? string.Empty),
    };

    /// <summary>Renders a ScottPlot plot to a PNG.</summary>
    public static PngImage RenderPlot(Plot plot, int width, int height)
    {
        var title = plot.Axes.Title.Label.Text;
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new PngImage(bytes, string.IsNullOrWhiteSpace(title) ? $"plot {width}x{height}" : $"plot: {title}");
    }

    private static string StripTags(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ");
        return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(text, @"[ \t]+", " ")).Trim();
    }
}
