namespace ResearchPlatform.Cluster.Client;

/// <summary>A live silo as the client sees it.</summary>
/// <param name="Address">The silo address (placement hints target it).</param>
/// <param name="Key">Its parsable string form (grain keys, result attribution).</param>
/// <param name="Cores">Evaluation threads it offers.</param>
internal sealed record SiloInfo(SiloAddress Address, string Key, int Cores);

/// <summary>One evaluation slot: a silo and a slot index (grain key "silo#slot").</summary>
/// <param name="Silo">The silo.</param>
/// <param name="Index">Slot index on that silo.</param>
internal sealed record SiloSlot(SiloInfo Silo, int Index)
{
    /// <summary>The evaluation grain key of this slot.</summary>
    public string GrainKey => Silo.Key + "#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
