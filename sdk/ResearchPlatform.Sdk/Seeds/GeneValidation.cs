using System.Globalization;

namespace ResearchPlatform.Sdk.Seeds;

/// <summary>
/// Per-gene checks shared by every host: errors (not finite, fractional integer, categorical index out of range, wrong
/// count) and warnings (a value outside the search bounds [Min, Max], allowed for genes given explicitly), followed by
/// the seed type's own <see cref="ISeedType.Validate"/>.
/// </summary>
public static class GeneValidation
{
    /// <summary>Checks one gene vector; returns errors (invalid) and warnings (outside the search bounds).</summary>
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Check(ISeedType seed, ReadOnlySpan<double> genes)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var errors = new List<string>();
        var warnings = new List<string>();
        var specs = seed.Genes;
        if (genes.Length != specs.Count)
        {
            errors.Add($"seed '{seed.Id}' has {specs.Count} genes, got {genes.Length}");
            return (errors, warnings);
        }

        for (var i = 0; i < specs.Count; i++)
        {
            var g = specs[i];
            var v = genes[i];
            var text = v.ToString("R", CultureInfo.InvariantCulture);
            if (!double.IsFinite(v))
            {
                errors.Add($"gene '{g.Name}' = {text} is not a finite number");
                continue;
            }

            if (g.Kind is GeneKind.Integer or GeneKind.Categorical && Math.Floor(v) != v)
            {
                errors.Add($"gene '{g.Name}' = {text} must be a whole number");
                continue;
            }

            if (g.Kind == GeneKind.Categorical)
            {
                if (v < 0 || v >= g.Choices.Count)
                {
                    errors.Add($"gene '{g.Name}' = {text} is not a valid choice (0..{g.Choices.Count - 1}: {string.Join(", ", g.Choices)})");
                }

                continue;
            }

            if (v < g.Min || v > g.Max)
            {
                warnings.Add($"gene '{g.Name}' = {text} is outside the search bounds [{g.Min.ToString(CultureInfo.InvariantCulture)}, {g.Max.ToString(CultureInfo.InvariantCulture)}]");
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(seed.Validate(genes));
        }

        return (errors, warnings);
    }

    /// <summary>The default gene vector of a seed type.</summary>
    public static double[] Defaults(ISeedType seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return seed.Genes.Select(g => g.Default).ToArray();
    }

    /// <summary>
    /// Parses a gene value: a number, or for a categorical gene a choice name (case-insensitive). Returns false with a
    /// message naming the gene when the text is not valid.
    /// </summary>
    public static bool TryParseValue(GeneSpec spec, string text, out double value, out string error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        error = string.Empty;
        if (spec.Kind == GeneKind.Categorical)
        {
            for (var i = 0; i < spec.Choices.Count; i++)
            {
                if (string.Equals(spec.Choices[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    value = i;
                    return true;
                }
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        error = spec.Kind == GeneKind.Categorical
            ? $"gene '{spec.Name}': '{text}' is not one of {string.Join(", ", spec.Choices)}"
            : $"gene '{spec.Name}': '{text}' is not a number";
        return false;
    }
}
