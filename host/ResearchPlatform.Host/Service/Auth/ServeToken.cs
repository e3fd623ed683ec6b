using System.Security.Cryptography;

namespace ResearchPlatform.Host.Service.Auth;

/// <summary>
/// The bearer token of the control endpoints: <c>&lt;workspace&gt;/serve.token</c>, generated at first start (256 random
/// bits, hex) with owner-only permissions (0600), reused afterwards. The token itself is never logged.
/// </summary>
internal sealed class ServeToken
{
    public const string FileName = "serve.token";

    private readonly byte[] _token;

    private ServeToken(string path, string token, bool created)
    {
        Path = path;
        _token = System.Text.Encoding.ASCII.GetBytes(token);
        Created = created;
    }

    public string Path { get; }

    /// <summary>True when this start generated the token file.</summary>
    public bool Created { get; }

    /// <summary>Reads the token file, creating it when missing or empty.</summary>
    public static ServeToken LoadOrCreate(string workspaceRoot)
    {
        Directory.CreateDirectory(workspaceRoot);
        var path = System.IO.Path.Combine(workspaceRoot, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32)
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                return new ServeToken(path, existing, created: false);
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(token);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new ServeToken(path, token, created: true);
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;token&gt;</c> (constant-time comparison).</summary>
    public bool Accepts(string? authorization)
    {
        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = System.Text.Encoding.ASCII.GetBytes(authorization[prefix.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }
}
