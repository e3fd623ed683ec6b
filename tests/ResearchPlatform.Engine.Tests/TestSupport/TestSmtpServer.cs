using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// Just enough of an SMTP server on 127.0.0.1 for the e-mail channel: EHLO, STARTTLS (self-signed certificate made with
/// <see cref="CertificateRequest"/>), AUTH PLAIN and LOGIN, MAIL, RCPT, DATA (dot-unstuffed), RSET, NOOP, QUIT.
/// </summary>
internal sealed class TestSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public TestSmtpServer()
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        req.CertificateExtensions.Add(san.Build());
        using var ephemeral = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    public sealed record Mail(string From, IReadOnlyList<string> To, string Data, bool Tls, string? User, string? Password);

    public X509Certificate2 Certificate { get; }

    public int Port { get; }

    public List<Mail> Received { get; } = [];

    /// <summary>Accepts only this certificate (what the channel's validation callback is given in tests).</summary>
    public bool Validate(object sender, X509Certificate? cert, X509Chain? chain, SslPolicyErrors errors) =>
        cert is not null && cert.GetCertHashString() == Certificate.GetCertHashString();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await SessionAsync(client.GetStream());
                    }
                    catch (IOException)
                    {
                    }
                }
            });
        }
    }

    private async Task SessionAsync(Stream stream)
    {
        var tls = false;
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string? user = null, password = null, from = null;
        var to = new List<string>();
        await writer.WriteLineAsync("220 localhost ESMTP test");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteAsync("250-localhost\r\n" + (tls ? string.Empty : "250-STARTTLS\r\n") + "250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
                    break;
                case "STARTTLS":
                    await writer.WriteLineAsync("220 2.0.0 ready");
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    await ssl.AuthenticateAsServerAsync(Certificate);
                    stream = ssl;
                    reader = new StreamReader(stream, Encoding.ASCII);
                    writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                    tls = true;
                    break;
                case "AUTH":
                    (user, password) = await AuthAsync(line, reader, writer);
                    await writer.WriteLineAsync("235 2.7.0 authenticated");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 2.1.0 ok");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 2.1.5 ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".")
                    {
                        data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                    }

                    lock (Received)
                    {
                        Received.Add(new Mail(from ?? string.Empty, [.. to], data.ToString(), tls, user, password));
                    }

                    to.Clear();
                    await writer.WriteLineAsync("250 2.0.0 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }

    private static async Task<(string User, string Password)> AuthAsync(string line, StreamReader reader, StreamWriter writer)
    {
        var parts = line.Split(' ');
        if (parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var b64 = parts.Length > 2 ? parts[2] : null;
            if (b64 is null)
            {
                await writer.WriteLineAsync("334 ");
                b64 = await reader.ReadLineAsync();
            }

            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(b64!)).Split('\0');
            return (fields[1], fields[2]);
        }

        await writer.WriteLineAsync("334 VXNlcm5hbWU6");
        var u = Encoding.UTF8.GetString(Convert.FromBase64String((await reader.ReadLineAsync())!));
        await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
        var p = Encoding.UTF8.GetString(Convert.FromBase64String((await reader.ReadLineAsync())!));
        return (u, p);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : string.Empty;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        Certificate.Dispose();
    }
}
