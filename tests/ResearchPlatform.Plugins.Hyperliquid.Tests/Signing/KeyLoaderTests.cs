using ResearchPlatform.Hyperliquid.Keys;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

public sealed class KeyLoaderTests
{
    [Fact]
    public void FromFile_OwnerOnly_LoadsKey()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, L1Vectors.PythonKey + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            using var key = KeyLoader.FromFile(path);

            Assert.Equal(L1Vectors.PythonAddress, key.Address);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_WorldReadable_RefusesWithoutEchoingTheKey()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, L1Vectors.PythonKey);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

            var e = Assert.Throws<KeyLoadException>(() => KeyLoader.FromFile(path));

            Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("0123456789012345678901234567890123456789", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_BadKey_MessageDoesNotEchoInput()
    {
        var e = Assert.Throws<FormatException>(() => HyperliquidPrivateKey.Parse("0xdeadbeefcafe"));

        Assert.DoesNotContain("deadbeef", e.Message, StringComparison.Ordinal);
    }
}
