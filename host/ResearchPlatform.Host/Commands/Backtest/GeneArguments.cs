using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>Turns <c>--gene name=value</c> arguments into a full gene vector (defaults for the others).</summary>
internal static class GeneArguments
{
    /// <summary>The gene vector; unknown names, bad values and invalid vectors are <see cref="BadInputException"/>; out-of-bounds values are warnings.</summary>
    public static double[] Parse(ISeedType seed, IReadOnlyList<string> args, out IReadOnlyList<string> warnings)
    {
        var genes = GeneValidation.Defaults(seed);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new BadInputException($"--gene '{arg}': expected name=value");
            }

            var name = arg[..eq].Trim();
            var index = IndexOf(seed, name);
            if (index < 0)
            {
                throw new BadInputException($"--gene '{arg}': seed '{seed.Id}' has no gene '{name}' (genes: {string.Join(", ", seed.Genes.Select(g => g.Name))})");
            }

            if (!seen.Add(name))
            {
                throw new BadInputException($"--gene '{name}' given twice");
            }

            if (!GeneValidation.TryParseValue(seed.Genes[index], arg[(eq + 1)..].Trim(), out var value, out var error))
            {
                throw new BadInputException("--" + error); // error reads "gene 'name': ..."
            }

            genes[index] = value;
        }

        var (errors, warns) = GeneValidation.Check(seed, genes);
        if (errors.Count > 0)
        {
            throw new BadInputException($"invalid genes for seed '{seed.Id}': {string.Join("; ", errors)}");
        }

        warnings = warns;
        return genes;
    }

    /// <summary>The genes as name → value (choice name for categorical genes).</summary>
    public static Dictionary<string, object> Describe(ISeedType seed, IReadOnlyList<double> genes)
    {
        var d = new Dictionary<string, object>();
        for (var i = 0; i < seed.Genes.Count; i++)
        {
            var g = seed.Genes[i];
            d[g.Name] = g.Kind == GeneKind.Categorical ? g.Choices[(int)genes[i]] : genes[i];
        }

        return d;
    }

    /// <summary>name=value text of the genes.</summary>
    public static string Text(ISeedType seed, IReadOnlyList<double> genes) =>
        string.Join(" ", Describe(seed, genes).Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, CultureInfo.InvariantCulture)));

    private static int IndexOf(ISeedType seed, string name)
    {
        for (var i = 0; i < seed.Genes.Count; i++)
        {
            if (string.Equals(seed.Genes[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
