namespace ResearchPlatform.Cluster.Client;

/// <summary>Settings of <see cref="ClusterFitnessEvaluator"/>.</summary>
internal sealed record ClusterEvaluatorOptions
{
    /// <summary>Longest a batch call may take before its silo is treated as dead and the batch goes to a survivor.</summary>
    public TimeSpan BatchTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per batch (the first one included) before it is evaluated locally or the run fails.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Evaluate locally what the cluster could not (no silo left, attempts used up); false fails with a clear message.</summary>
    public bool LocalFallback { get; init; } = true;

    /// <summary>Batches per evaluation slot (core) of the cluster: more balances load better, fewer saves round trips.</summary>
    public int BatchesPerSlot { get; init; } = 2;

    /// <summary>Individuals per batch at most.</summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BatchTimeout <= TimeSpan.Zero)
        {
            errors.Add("the batch timeout must be positive");
        }

        if (MaxAttempts < 1)
        {
            errors.Add("max attempts must be at least 1");
        }

        if (BatchesPerSlot < 1 || MaxBatchSize < 1)
        {
            errors.Add("batches per slot and max batch size must be at least 1");
        }

        return errors;
    }
}
