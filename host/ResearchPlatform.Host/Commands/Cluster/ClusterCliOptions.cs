using System.CommandLine;
using ResearchPlatform.Cluster.Hosting;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Cluster;

/// <summary>The <c>--cluster</c> option shared by <c>rp silo</c>, <c>rp cluster status</c> and <c>rp evolve</c>.</summary>
internal static class ClusterCliOptions
{
    /// <summary>A <c>--cluster</c> option (default localhost when <paramref name="required"/>).</summary>
    public static Option<string?> Cluster(bool required) => new("--cluster")
    {
        Description = "Cluster membership: localhost (one machine; clients use gateway 30000), localhost:PORT[,PORT...] (client gateway ports), or redis://HOST:PORT (several machines)",
        DefaultValueFactory = required ? _ => "localhost" : null,
    };

    /// <summary>Parses a <c>--cluster</c> value, bad values exit 2.</summary>
    public static ClusterSpec Parse(string? text)
    {
        try
        {
            return ClusterSpec.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }
}
