using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service;

/// <summary>Everything needed to build the service: what to run, where to listen, an optional config file.</summary>
internal sealed record ServeHostOptions(ServeSettings Settings, string Bind, int Port, string? ConfigFile, bool ModeGiven);
