namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>
/// Where a secret (webhook URL, SMTP password) comes from: an environment variable or a file (first line, trimmed).
/// The value is read when a channel is built and never written to logs, errors or the database.
/// </summary>
/// <param name="Environment">Environment variable name, or null.</param>
/// <param name="File">File path (relative paths resolve against the config file's folder), or null.</param>
public sealed record SecretSource(string? Environment, string? File)
{
    /// <summary>Reads the secret; the message names the variable or file (never the value) when it is missing.</summary>
    public string Resolve(string field)
    {
        if (!string.IsNullOrWhiteSpace(Environment))
        {
            var value = System.Environment.GetEnvironmentVariable(Environment);
            return string.IsNullOrWhiteSpace(value)
                ? throw new AlertsConfigException([$"{field}: environment variable {Environment} is not set"])
                : value.Trim();
        }

        if (!string.IsNullOrWhiteSpace(File))
        {
            if (!System.IO.File.Exists(File))
            {
                throw new AlertsConfigException([$"{field}: secret file {File} does not exist"]);
            }

            var text = System.IO.File.ReadAllText(File).Trim();
            return text.Length == 0 ? throw new AlertsConfigException([$"{field}: secret file {File} is empty"]) : text;
        }

        throw new AlertsConfigException([$"{field}: no secret source (set *_env or *_file)"]);
    }
}
