namespace ResearchPlatform.Host.Notebooks;

/// <summary>HTML to show as a <c>text/html</c> output: <c>display(new HtmlContent("&lt;b&gt;hi&lt;/b&gt;"))</c>.</summary>
/// <param name="Html">The markup.</param>
/// <param name="PlainText">The <c>text/plain</c> fallback (terminals, diffs); the markup when null.</param>
public sealed record HtmlContent(string Html, string? PlainText = null)
{
    public override string ToString() => PlainText ?? Html;
}
