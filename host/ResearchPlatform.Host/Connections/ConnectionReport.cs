
namespace ResearchPlatform.Host.Connections;

/// <summary>What <c>/api/connections</c> shows: every service pipeline and the operations' failure counts.</summary>
public sealed record ConnectionReport(IReadOnlyList<ServiceConnectionStats> Services, IReadOnlyList<OperationFailureStats> Operations);
