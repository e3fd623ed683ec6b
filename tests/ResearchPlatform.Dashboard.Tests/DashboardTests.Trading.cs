using System.Text.Json;
using Microsoft.Playwright;
using ResearchPlatform.Dashboard.Tests.TestSupport;

namespace ResearchPlatform.Dashboard.Tests;

/// <summary>
/// The pages a reviewer looks at once the replay has traded: orders with execution quality, positions with their
/// reconciliation, and the Rules page reporting a rule broken on disk with file:line:column. Desktop and phone, no
/// sideways scrolling, screenshots with data in them.
/// </summary>
public sealed partial class DashboardTests
{
    [Fact]
    [Step(7)]
    public async Task OrdersPositionsRules_AfterTradesAndABrokenRule_ShowDataAndCompileErrorsOnDesktopAndPhone()
    {
        await WaitUntilAsync(async () => (await fx.GetAsync("api/fills?limit=1")).GetArrayLength() > 0, "the replay's first fill", TimeSpan.FromSeconds(90));
        var rule = Path.Combine(fx.RulesFolder, "trading_session_optimization.csx");
        var original = await File.ReadAllTextAsync(rule);
        await File.WriteAllTextAsync(rule, original + "\nvar broken = ;\n"); // a compile error on the last line
        try
        {
            await WaitUntilAsync(async () => RuleErrors(await fx.GetAsync("api/rules")).Count > 0, "the rule watcher to report the compile error", TimeSpan.FromSeconds(30));
            var error = RuleErrors(await fx.GetAsync("api/rules"))[0];
            var where = $"trading_session_optimization.csx:{error.GetProperty("line").GetInt32()}:{error.GetProperty("column").GetInt32()}";
            output.WriteLine($"broken rule reported as {where} {error.GetProperty("message").GetString()}");

            foreach (var phone in new[] { false, true })
            {
                await using var tab = await fx.OpenAsync(phone);
                await tab.LoadAsync("orders");
                await Assertions.Expect(tab.Page.Locator("[data-testid=orders] tbody tr").First).ToBeVisibleAsync();
                await Assertions.Expect(tab.Page.Locator("[data-testid=fills] tbody tr").First).ToBeVisibleAsync();
                Assert.NotEqual("–", await tab.Page.TextContentAsync("[data-testid=eq-slippage-mean]"));
                await AssertReadsWellAsync(tab, "orders-trading");

                await tab.LoadAsync("positions");
                await Assertions.Expect(tab.Page.Locator("[data-testid=recon-summary]")).ToContainTextAsync("match the venue");
                await AssertReadsWellAsync(tab, "positions-trading");

                await tab.LoadAsync("rules");
                await Assertions.Expect(tab.Page.Locator("[data-testid=rule-errors]")).ToContainTextAsync(where);
                await Assertions.Expect(tab.Page.Locator("[data-testid=rules-summary]")).ToContainTextAsync("1 with errors");
                await AssertReadsWellAsync(tab, "rules-compile-error");
                Assert.Empty(tab.Errors);
            }
        }
        finally
        {
            await File.WriteAllTextAsync(rule, original);
        }

        await WaitUntilAsync(async () => RuleErrors(await fx.GetAsync("api/rules")).Count == 0, "the repaired rule to load again", TimeSpan.FromSeconds(30));
    }

    private static List<JsonElement> RuleErrors(JsonElement rules) =>
        [.. rules.EnumerateArray().Where(r => r.GetProperty("status").GetString() != "ok").SelectMany(r => r.GetProperty("errors").EnumerateArray())];

    /// <summary>Screenshot, then no sideways scrolling and no "undefined"/"NaN" on the page.</summary>
    private async Task AssertReadsWellAsync(DashboardPage tab, string shot)
    {
        await tab.Page.WaitForTimeoutAsync(300);
        await tab.ScreenshotAsync(shot);
        var problems = await tab.LayoutProblemsAsync();
        Assert.True(problems.Count == 0, $"{shot}-{tab.Device}: {string.Join("; ", problems)}");
    }
}
