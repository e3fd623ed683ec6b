using System.CommandLine;

namespace ResearchPlatform.Host.Cli;

/// <summary>Runs a command body and maps exceptions to exit codes: bad input 2, anything else 1.</summary>
public static class CommandRunner
{
    /// <summary>Wraps an async command body with the product's error and exit-code conventions.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Wrap(Func<ParseResult, CliOutput, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            var output = CliOutput.ForConsole();
            try
            {
                return await body(parse, output, ct);
            }
            catch (BadInputException ex)
            {
                output.Error(ex.Message);
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                output.Error("cancelled");
                return ExitCodes.Failure;
            }
            catch (Exception ex)
            {
                output.Error(ex.Message);
                if (Environment.GetEnvironmentVariable("RP_DEBUG") == "1")
                {
                    output.Info(ex.ToString());
                }

                return ExitCodes.Failure;
            }
        };
}
