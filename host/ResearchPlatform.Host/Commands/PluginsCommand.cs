using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Plugins;

namespace ResearchPlatform.Host.Commands;

/// <summary><c>rp plugins list</c>: the plugins found, what they provide, their version tags and load errors.</summary>
public static class PluginsCommand
{
    public static Command Create()
    {
        var group = new Command("plugins", "Inspect the plugins the host loads");
        group.Subcommands.Add(CreateList());
        group.Subcommands.Add(PluginsNewCommand.Create());
        return group;
    }

    private static Command CreateList()
    {
        var json = CommonOptions.JsonOption();
        var plugins = CommonOptions.PluginsOption();
        var cmd = new Command("list", "List plugin folders with id, version, Sdk version, what each provides, status, errors and version tag (failed plugins are listed, exit code 0)")
        {
            json,
            plugins,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(parse.GetValue(plugins)));
            if (parse.GetValue(json))
            {
                output.WriteJson(ToDocument(catalog));
            }
            else
            {
                WriteTable(catalog, output);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static object ToDocument(PluginCatalog catalog) => new
    {
        SearchPaths = catalog.SearchRoots.Select(r => new { r.Path, r.Origin, Exists = Directory.Exists(r.Path) }),
        Plugins = catalog.Plugins.Select(p => new
        {
            p.Id,
            p.Manifest?.Version,
            p.Manifest?.SdkVersion,
            p.Manifest?.Description,
            Provides = p.Manifest?.Provides ?? [],
            Found = p.Components.Select(c => c.Key),
            p.Status,
            p.Error,
            p.Warnings,
            p.Folder,
            p.Origin,
            p.VersionTag,
        }),
    };

    private static void WriteTable(PluginCatalog catalog, CliOutput output)
    {
        if (catalog.Plugins.Count == 0)
        {
            output.Info("no plugins found in: " + string.Join(", ", catalog.SearchRoots.Select(r => r.Path)));
        }

        // Piped: one full row per plugin (greppable). Terminal: a narrower table, reasons listed below it so they stay readable.
        var errorColumn = !output.IsTerminal;
        var rows = catalog.Plugins.Select(p =>
        {
            var row = new List<string>
            {
                p.Id,
                p.Manifest?.Version ?? "-",
                p.Manifest?.SdkVersion ?? "-",
                p.Manifest is { } m && m.Provides.Count > 0 ? string.Join(", ", m.Provides) : "-",
                StatusText(p),
            };
            if (errorColumn)
            {
                row.Add(Reasons(p) is { Count: > 0 } reasons ? string.Join("; ", reasons) : "-");
            }

            row.Add(p.Folder);
            row.Add(p.VersionTag ?? "-");
            return (IReadOnlyList<string>)row;
        });
        IReadOnlyList<string> headers = errorColumn
            ? ["id", "version", "sdk", "provides", "status", "error", "folder", "version tag"]
            : ["id", "version", "sdk", "provides", "status", "folder", "version tag"];
        output.Table(headers, rows);
        if (!errorColumn)
        {
            foreach (var plugin in catalog.Plugins)
            {
                foreach (var reason in Reasons(plugin))
                {
                    output.Line($"{plugin.Id} ({plugin.Folder}): {reason}");
                }
            }
        }
    }

    private static List<string> Reasons(PluginEntry plugin) =>
        plugin.Error is { } error ? ["error: " + error] : [.. plugin.Warnings.Select(w => "warning: " + w)];

    private static string StatusText(PluginEntry plugin) => plugin.Status switch
    {
        PluginStatus.Loaded => "loaded",
        PluginStatus.LoadedWithWarnings => string.Create(CultureInfo.InvariantCulture, $"loaded, {plugin.Warnings.Count} warning(s)"),
        _ => "FAILED",
    };
}
