using ResearchPlatform.Cluster.Hosting;

namespace ResearchPlatform.Cluster.Tests.Hosting;

public sealed class ClusterSpecTests
{
    [Theory]
    [InlineData("localhost", "Localhost", "localhost:30000")]
    [InlineData("LOCALHOST:30000,30001", "Localhost", "localhost:30000,30001")]
    [InlineData("redis://10.0.0.5:6379", "Redis", "redis://10.0.0.5:6379")]
    [InlineData("redis://h:1,password=x", "Redis", "redis://h:1,password=x")]
    public void Parse_ValidValue_KindAndCanonicalForm(string text, string kind, string canonical)
    {
        var spec = ClusterSpec.Parse(text);

        Assert.Equal(kind, spec.Kind.ToString());
        Assert.Equal(canonical, spec.ToString());
    }

    [Theory]
    [InlineData("redis://host")]
    [InlineData("redis://:6379")]
    [InlineData("localhost:abc")]
    [InlineData("consul://x")]
    public void Parse_InvalidValue_ThrowsNamingTheOption(string text)
    {
        var ex = Assert.Throws<FormatException>(() => ClusterSpec.Parse(text));

        Assert.StartsWith("--cluster", ex.Message, StringComparison.Ordinal);
    }
}
