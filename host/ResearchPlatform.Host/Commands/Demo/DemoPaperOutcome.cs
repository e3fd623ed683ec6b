using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>The demo's paper session: its id, the replayed window, the replay result and the kernel backtest over the same window, per strategy in order.</summary>
internal sealed record DemoPaperOutcome(string SessionId, BarSeries Window, PaperSessionResult Result, IReadOnlyList<BacktestResult> Kernel);
