namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Invalid input to a backtest (options, genes, windows); the message lists every problem found.</summary>
public sealed class BacktestInputException : ArgumentException
{
    public BacktestInputException(string message)
        : base(message)
    {
    }

    public BacktestInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BacktestInputException()
    {
    }
}
