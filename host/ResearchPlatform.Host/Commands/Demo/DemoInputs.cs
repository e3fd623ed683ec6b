using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Decisions;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>The demo's resolved inputs; every problem is a <see cref="BadInputException"/> (exit 2) raised before any work.</summary>
internal sealed record DemoInputs(string Root, string SampleFile, string RulesFolder, string ReportPath, DemoSize Size, int Seed, double? Speed, bool Fresh, bool Serve, int Port, bool Json)
{
    /// <summary>The bundled sample the demo imports.</summary>
    public const string SampleFileName = "BTCUSD-coinbase-1d.csv";

    /// <summary>The demo's workspace when --workspace is not given.</summary>
    public static readonly string DefaultRoot = Path.Combine(".rp", "demo");

    public static DemoInputs Resolve(ParseResult parse, DemoOptions o, CommonOptions common)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(common);
        var port = parse.GetValue(o.Port);
        if (port is < 0 or > 65535)
        {
            throw new BadInputException($"--port: {port} is not within 0..65535");
        }

        var size = DemoSize.Of(parse.GetValue(o.Size)!, parse.GetValue(o.Population), parse.GetValue(o.Generations));
        if (size.Population < 4)
        {
            throw new BadInputException($"--population: {size.Population} is too small (at least 4)");
        }

        if (size.Generations < 1)
        {
            throw new BadInputException($"--generations: {size.Generations} must be at least 1");
        }

        var root = Path.GetFullPath(parse.GetValue(common.Workspace) is { Length: > 0 } w ? w : DefaultRoot);
        var report = parse.GetValue(o.Report) is { Length: > 0 } r ? Path.GetFullPath(r) : Path.Combine(root, "demo", "report.html");
        return new DemoInputs(root, Sample(parse.GetValue(o.Samples)), RulesLocator.Resolve(parse.GetValue(o.Rules)), report, size, parse.GetValue(o.Seed),
            ParseSpeed(parse.GetValue(o.Speed)!), parse.GetValue(o.Fresh), parse.GetValue(o.Serve), port, parse.GetValue(o.Json));
    }

    private static string Sample(string? folder)
    {
        if (!string.IsNullOrWhiteSpace(folder))
        {
            var given = Path.GetFullPath(Path.Combine(folder, SampleFileName));
            return File.Exists(given) ? given : throw new BadInputException($"--samples: sample file not found: {given}");
        }

        var candidates = new[] { Path.Combine(Directory.GetCurrentDirectory(), "samples"), Path.Combine(AppContext.BaseDirectory, "samples") }
            .Select(d => Path.Combine(d, SampleFileName)).ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BadInputException($"sample file not found: samples/{SampleFileName} (looked in {string.Join(" and ", candidates)}; pass --samples DIR)");
    }

    private static double? ParseSpeed(string raw)
    {
        if (string.Equals(raw, "max", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var number = raw.EndsWith('x') ? raw[..^1] : raw;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 && double.IsFinite(m)
            ? m
            : throw new BadInputException($"--speed: '{raw}' is not max or Nx (e.g. 86400x)");
    }
}
