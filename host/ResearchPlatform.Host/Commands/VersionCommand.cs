using System.CommandLine;
using System.Reflection;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk;

namespace ResearchPlatform.Host.Commands;

/// <summary><c>rp version</c>: product and Sdk versions.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var cmd = new Command("version", "Show the product and Sdk versions") { json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var product = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var info = new { product, sdk = SdkInfo.Version, runtime = Environment.Version.ToString() };
            if (parse.GetValue(json))
            {
                output.WriteJson(info);
            }
            else
            {
                output.KeyValues([("product", info.product), ("sdk", info.sdk), ("runtime", info.runtime)]);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }
}
