using ResearchPlatform.Engine.Evolution;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>How a run kept its seed-type families alive and spread its hall of fame (from its stored config).</summary>
internal sealed record NichingReport(string Mode, double NicheQuota, double SharingRadius, double HallOfFameMinDistance, int HallOfFamePerType)
{
    public static NichingReport From(EvolutionOptions o) =>
        new(o.Niching.ToString().ToLowerInvariant(), o.NicheQuota, o.SharingRadius, o.HallOfFameMinDistance, o.HallOfFamePerType);

    /// <summary>One line for the human report.</summary>
    public string Describe() => Mode switch
    {
        "species" => $"species (offspring quota {NicheQuota:0.###} per seed type)",
        "sharing" => $"fitness sharing (radius {SharingRadius:0.###})",
        _ => "none",
    } + $"; hall of fame: min distance {HallOfFameMinDistance:0.###}, {HallOfFamePerType} reserved per seed type";
}
