using System.CommandLine;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Decisions;

/// <summary><c>rp rules check</c>: compiles every rule and reports every error as file:line:column (exit 2 if any).</summary>
public static class RulesCommand
{
    public static Option<string?> RulesOption() => new("--rules") { Description = "Rules folder (default ./rules, then the one shipped with rp)" };

    public static Command Create()
    {
        var rules = RulesOption();
        var json = CommonOptions.JsonOption();
        var check = new Command("check", "Compile every decision rule and thresholds.json; report all errors (exit 2 if any)") { rules, json };
        check.SetAction(CommandRunner.Wrap((parse, output, ct) =>
        {
            var dir = RulesLocator.Resolve(parse.GetValue(rules));
            using var set = new RuleSet(dir);
            var events = set.LoadAll(ct);
            var errors = events.SelectMany(e => e.Errors).ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(new
                {
                    RulesDir = dir,
                    Ok = errors.Count == 0,
                    Files = events.Select(e => new { File = Path.GetFileName(e.File), e.Succeeded, e.Hash }),
                    Errors = errors.Select(e => new { e.File, e.Line, e.Column, e.Code, e.Message, Text = e.ToString() }),
                });
            }
            else
            {
                output.Table(["file", "status", "hash"], events.Select(e => (IReadOnlyList<string>)[Path.GetFileName(e.File), e.Succeeded ? "ok" : "ERROR", e.Hash]), "rules in " + dir);
                foreach (var e in errors)
                {
                    output.Error(e.ToString());
                }
            }

            return Task.FromResult(errors.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput);
        }));
        return new Command("rules", "Decision rules (.csx) and their thresholds") { check };
    }
}
