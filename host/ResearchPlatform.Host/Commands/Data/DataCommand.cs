using System.CommandLine;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary><c>rp data</c>: market data in the workspace (import, list, export, fear &amp; greed).</summary>
public static class DataCommand
{
    public static Command Create(CommonOptions common) => new("data", "Market data: import files, list what is stored, export")
    {
        DataImportCommand.Create(common),
        DataImportFearGreedCommand.Create(common),
        DataListCommand.Create(common),
        DataExportCommand.Create(common),
        DataFetchCommand.Create(common),
    };
}
