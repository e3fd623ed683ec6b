namespace ResearchPlatform.Host.Notebooks;

/// <summary>A PNG image to show as an <c>image/png</c> output.</summary>
/// <param name="Bytes">The PNG file's bytes.</param>
/// <param name="Description">The <c>text/plain</c> fallback.</param>
public sealed record PngImage(byte[] Bytes, string Description = "image")
{
    public override string ToString() => Description;
}
