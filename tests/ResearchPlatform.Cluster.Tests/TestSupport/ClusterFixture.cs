using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using ResearchPlatform.Cluster.Hosting;
using ResearchPlatform.Cluster.Silo;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>One in-process cluster of three silos for every test of the collection (startup costs seconds).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Seed types every silo loads: a fast one and one that takes 400 ms per generator.</summary>
    internal static readonly IReadOnlyList<(ISeedType Seed, string Version)> Seeds =
        [(new StepSeed(), "1.0.0"), (new StepSeed("slow-step-test", 400), "1.0.0")];

    internal InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.Services.AddEvaluationService(new SiloSeedTypes(Seeds), new ClusterSiloOptions { EvaluationThreads = 2 }));
        builder.ConfigureClient(c => c.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
