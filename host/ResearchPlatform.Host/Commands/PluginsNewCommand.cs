using System.CommandLine;
using System.Text.RegularExpressions;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk;

namespace ResearchPlatform.Host.Commands;

/// <summary>
/// <c>rp plugins new NAME --kind seed|risk|exchange</c>: scaffolds a plugin project from <c>templates/plugin-KIND</c>
/// (shipped beside rp): a class library referencing this host's Sdk (not copied), its <c>plugin.json</c> and a working
/// example (an SMA seed type, a risk genome with every gene, an exchange adapter over an in-memory book).
/// </summary>
internal static partial class PluginsNewCommand
{
    /// <summary>The kinds with a template: <c>templates/plugin-KIND/</c>.</summary>
    internal static readonly string[] Kinds = ["seed", "risk", "exchange"];

    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Plugin id and project name (letters, digits; starts with a letter)" };
        var kind = new Option<string>("--kind") { Description = "What the plugin provides: seed (a seed type), risk (a risk genome), exchange (an exchange adapter)", DefaultValueFactory = _ => "seed" }.AcceptOnlyFromAmong(Kinds);
        var output = new Option<string?>("--output") { Description = "Folder to create (default ./NAME); must not exist or be empty" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("new", "Scaffold a plugin project that builds against this host's Sdk") { name, kind, output, json };
        cmd.SetAction(CommandRunner.Wrap((parse, cli, _) =>
        {
            var n = parse.GetValue(name)!;
            var k = parse.GetValue(kind)!;
            var target = Scaffold(n, k, parse.GetValue(output) ?? Path.Combine(Directory.GetCurrentDirectory(), n));
            var build = Path.Combine(target, "bin", "Release", "net10.0");
            if (parse.GetValue(json))
            {
                cli.WriteJson(new { Name = n, Id = SnakeCase(n), Kind = k, Folder = target, BuildOutput = build, Files = Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() });
                return Task.FromResult(ExitCodes.Ok);
            }

            cli.Line($"created {target}");
            cli.Info($"build: dotnet build {target} -c Release; load: rp plugins list --plugins {build}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    /// <summary>Writes the project; returns its folder. Bad name or non-empty folder: <see cref="BadInputException"/>.</summary>
    internal static string Scaffold(string name, string kind, string output)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new BadInputException($"NAME: '{name}' must be letters and digits starting with a letter (it becomes the plugin id, namespace and project name)");
        }

        var template = Path.Combine(AppContext.BaseDirectory, "templates", "plugin-" + kind);
        if (!Directory.Exists(template))
        {
            throw new BadInputException($"no template for kind '{kind}' at {template}");
        }

        var target = Path.GetFullPath(output);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BadInputException($"--output: {target} exists and is not empty");
        }

        var id = SnakeCase(name);
        var sdk = Path.Combine(AppContext.BaseDirectory, "ResearchPlatform.Sdk.dll");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(template))
        {
            var text = File.ReadAllText(file)
                .Replace("__NAME__", name, StringComparison.Ordinal)
                .Replace("__ID__", id, StringComparison.Ordinal)
                .Replace("__SDK_VERSION__", SdkInfo.Version, StringComparison.Ordinal)
                .Replace("__SDK_PATH__", sdk, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file).Replace("__NAME__", name, StringComparison.Ordinal)), text);
        }

        return target;
    }

    private static string SnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex NamePattern();
}
