namespace ResearchPlatform.Sdk.Tests;

public sealed class SdkInfoTests
{
    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.1", true)]
    [InlineData("1.2", false)]
    [InlineData("2.0", false)]
    [InlineData("0.9", false)]
    [InlineData("x", false)]
    [InlineData("", false)]
    public void IsCompatible_PluginSdkVersion_AcceptsOnlySameMajorNotNewerMinor(string version, bool expected)
    {
        Assert.Equal(expected, SdkInfo.IsCompatible(version, out var reason));
        Assert.Equal(expected, reason.Length == 0);
    }
}
