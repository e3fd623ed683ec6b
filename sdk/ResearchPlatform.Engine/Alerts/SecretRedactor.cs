namespace ResearchPlatform.Engine.Alerts;

/// <summary>Replaces every known secret value (webhook URLs, SMTP passwords) with <c>***</c> in text that may be logged or stored.</summary>
public sealed class SecretRedactor
{
    private readonly List<string> _secrets = [];
    private readonly Lock _gate = new();

    /// <summary>Registers a secret value (values shorter than 4 characters are ignored: they would mangle ordinary text).</summary>
    public void Add(string secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (_gate)
        {
            _secrets.Add(secret);
            if (Uri.TryCreate(secret, UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 4)
            {
                _secrets.Add(uri.PathAndQuery);
            }

            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>The text with every secret replaced.</summary>
    public string Redact(string text)
    {
        lock (_gate)
        {
            foreach (var s in _secrets)
            {
                text = text.Replace(s, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
