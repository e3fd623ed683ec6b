using System.Diagnostics;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

public sealed class RuleFailureTests : IDisposable
{
    private readonly RulesFolder _folder = new();
    private readonly RuleSet _rules;
    private readonly DecisionEngine _engine;
    private readonly string _riskFile;

    public RuleFailureTests()
    {
        _rules = new RuleSet(_folder.Path);
        _rules.LoadAll();
        _engine = new DecisionEngine(_rules, new DecisionEngineOptions { Budget = TimeSpan.FromMilliseconds(200), CacheDecisions = false });
        _riskFile = _folder.File("risk_adjustment.csx");
    }

    public void Dispose()
    {
        _rules.Dispose();
        _folder.Dispose();
    }

    private static DecisionContext HighVol => new() { Risk = new RiskSnapshot(Volatility: 0.9) };

    [Fact]
    public void ReloadFile_CompileError_ReportsLineAndKeepsOldVersion()
    {
        var oldHash = _rules.Current(DecisionType.RiskAdjustment)!.Hash;
        File.WriteAllText(_riskFile, "// comment\nvar x = 1;\nvar y = undefinedName + x;\nreturn Decide.RiskMultiplier(1, 1, \"\", Urgency.Low);\n");
        var ev = _rules.ReloadFile(_riskFile);
        Assert.False(ev.Succeeded);
        var err = Assert.Single(ev.Errors);
        Assert.Equal((3, 9, "CS0103"), (err.Line, err.Column, err.Code));
        Assert.StartsWith(_riskFile + ":3:9: CS0103:", err.ToString(), StringComparison.Ordinal);
        Assert.Equal(oldHash, _rules.Current(DecisionType.RiskAdjustment)!.Hash);
        Assert.Equal(0.5, Assert.IsType<RiskAdjustmentValue>(_engine.Decide(DecisionType.RiskAdjustment, HighVol).Result.Value).PositionSizeMultiplier);
    }

    [Fact]
    public void Decide_ThrowingRule_FallbackRequiringReviewWithError()
    {
        File.WriteAllText(_riskFile, "if (Context.Capital >= 0) throw new InvalidOperationException(\"boom\");\nreturn Decide.RiskMultiplier(1, 1, \"\", Urgency.Low);\n");
        Assert.True(_rules.ReloadFile(_riskFile).Succeeded);
        var rec = _engine.Decide(DecisionType.RiskAdjustment, HighVol);
        Assert.IsType<NoDecisionValue>(rec.Result.Value);
        Assert.True(rec.Result.RequiresHumanReview);
        Assert.Equal(DecisionRouting.QueuedForHuman, rec.Routing);
        Assert.Contains("InvalidOperationException: boom", rec.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MissingThreshold_FallbackNamesIt()
    {
        File.WriteAllText(_riskFile, "return Decide.RiskMultiplier(Context.Threshold(\"no_such_threshold\"), 1, \"\", Urgency.Low);\n");
        Assert.True(_rules.ReloadFile(_riskFile).Succeeded);
        var rec = _engine.Decide(DecisionType.RiskAdjustment, HighVol);
        Assert.Contains("'no_such_threshold'", rec.Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InfiniteLoopIgnoringToken_FallbackWithinBudgetAndQuarantined()
    {
        File.WriteAllText(_riskFile, "long i = 0;\nwhile (true) { i++; }\n");
        Assert.True(_rules.ReloadFile(_riskFile).Succeeded);
        var sw = Stopwatch.StartNew();
        var rec = _engine.Decide(DecisionType.RiskAdjustment, HighVol);
        Assert.InRange(sw.ElapsedMilliseconds, 150, 10_000); // fallback at the 200 ms budget; upper bound loose for loaded CI machines
        Assert.Contains("time budget of 200 ms", rec.Result.Error, StringComparison.Ordinal);
        Assert.True(rec.Result.RequiresHumanReview);
        sw.Restart();
        var again = _engine.Decide(DecisionType.RiskAdjustment, HighVol);
        Assert.Contains("quarantined", again.Result.Error, StringComparison.Ordinal);
        Assert.InRange(sw.ElapsedMilliseconds, 0, 199); // not run again (quarantined): a run would take the whole 200 ms budget
    }

    [Fact]
    public void Decide_LoopHonouringToken_FallbackNotQuarantined()
    {
        File.WriteAllText(_riskFile, "while (true) { Cancellation.ThrowIfCancellationRequested(); }\n");
        Assert.True(_rules.ReloadFile(_riskFile).Succeeded);
        var rec = _engine.Decide(DecisionType.RiskAdjustment, HighVol);
        Assert.Contains("time budget", rec.Result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("quarantined", rec.Result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var t = System.IO.File.ReadAllText(\"/etc/passwd\");", 2)]
    [InlineData("var a = typeof(string).Assembly;", 2)]
    [InlineData("System.Environment.Exit(1);", 2)]
    [InlineData("var p = System.Diagnostics.Process.Start(\"sh\");", 2)]
    [InlineData("var c = new System.Net.Http.HttpClient();", 2)]
    [InlineData("var n = DateTime.UtcNow;", 2)]
    public void Compile_ForbiddenApi_RejectedWithLine(string line, int expectedLine)
    {
        File.WriteAllText(_riskFile, "// forbidden\n" + line + "\nreturn Decide.RiskMultiplier(1, 1, \"\", Urgency.Low);\n");
        var ev = _rules.ReloadFile(_riskFile);
        Assert.False(ev.Succeeded);
        Assert.Contains(ev.Errors, e => e.Line == expectedLine); // RP0001 (walker) or a CS error for assemblies rules cannot reference
    }

    [Fact]
    public void Compile_UnsafeBlock_Rejected()
    {
        File.WriteAllText(_riskFile, "unsafe { int* p = null; }\nreturn Decide.RiskMultiplier(1, 1, \"\", Urgency.Low);\n");
        var ev = _rules.ReloadFile(_riskFile);
        Assert.False(ev.Succeeded);
        Assert.Contains(ev.Errors, e => e.Line == 1);
    }
}
