namespace ResearchPlatform.Hyperliquid.Keys;

/// <summary>
/// Loads private keys from a key file (which must be readable by its owner only) or an environment variable.
/// Keys are never taken from the command line and never echoed in messages.
/// </summary>
public static class KeyLoader
{
    /// <summary>The default environment variable for the signing key.</summary>
    public const string DefaultEnvironmentVariable = "RP_HYPERLIQUID_PRIVATE_KEY";

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Reads a key file: one line of 64 hex digits; refused when group or others may access it.</summary>
    public static HyperliquidPrivateKey FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new KeyLoadException($"key file '{path}' does not exist");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                var octal = Convert.ToString((int)mode & 0x1FF, 8);
                throw new KeyLoadException($"key file '{path}' is accessible by group or others (mode {octal}); run: chmod 600 {path}");
            }
        }

        try
        {
            return HyperliquidPrivateKey.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new KeyLoadException($"key file '{path}': {e.Message}");
        }
    }

    /// <summary>Reads a key from an environment variable, or null when it is unset or empty.</summary>
    public static HyperliquidPrivateKey? FromEnvironment(string variable = DefaultEnvironmentVariable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return HyperliquidPrivateKey.Parse(value);
        }
        catch (FormatException e)
        {
            throw new KeyLoadException($"environment variable {variable}: {e.Message}");
        }
    }
}
