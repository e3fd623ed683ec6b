using System.Diagnostics;
using Microsoft.Playwright;

namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>One browser tab on the dashboard (own context: desktop 1366x768 or phone 390x844) that records console errors.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly Uri _baseUrl;

    private DashboardPage(IBrowserContext context, IPage page, Uri baseUrl, string device)
    {
        _context = context;
        Page = page;
        _baseUrl = baseUrl;
        Device = device;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                Record($"console: {m.Text}");
            }
        };
        page.PageError += (_, e) => Record($"page error: {e}");
        // Everything (scripts, styles, the chart library) comes from the service itself: no CDN, works offline.
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(baseUrl.ToString(), StringComparison.Ordinal) && !r.Url.StartsWith("about:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                Record($"request outside the service: {r.Url}");
            }
        };
    }

    public const int MaxShotHeight = 2400;

    public IPage Page { get; }

    public string Device { get; }

    /// <summary>Console errors, uncaught exceptions and requests to other hosts seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri baseUrl, bool phone)
    {
        var options = phone
            ? new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 1 }
            : new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 768 } };
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(20_000); // generous: the CI box has 2 cores shared with the service and its replay
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page, baseUrl, phone ? "phone" : "desktop");
    }

    /// <summary>
    /// Loads a page as a fresh document (not a hash change) and waits until its data is rendered
    /// (<c>main[data-ready=route]</c>); returns the load time measured by the browser (navigation start to ready).
    /// </summary>
    public async Task<double> LoadAsync(string route)
    {
        await Page.GotoAsync("about:blank");
        var sw = Stopwatch.StartNew();
        await Page.GotoAsync(new Uri(_baseUrl, "#/" + route).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await Page.WaitForSelectorAsync($"main[data-ready=\"{route}\"]");
        var inPage = await Page.EvaluateAsync<double>("() => performance.now()");
        return Math.Min(inPage, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Loads a page as a fresh document and returns the browser's Navigation Timing figures: navigation start to the
    /// load event's end, and to the page's data being rendered (<c>main[data-ready=route]</c>).
    /// </summary>
    public async Task<(double LoadEventMs, double ReadyMs)> LoadTimedAsync(string route)
    {
        var ready = await LoadAsync(route);
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var load = await Page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
        return (load, ready);
    }

    /// <summary>Switches page inside the loaded app (hash route) and waits until it is rendered.</summary>
    public async Task GoAsync(string route)
    {
        await Page.EvaluateAsync("r => { location.hash = '#/' + r; }", route);
        await Page.WaitForSelectorAsync($"main[data-ready=\"{route}\"]");
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{name}-{Device}.png");
        // Full page, cut at MaxShotHeight: a phone page of 200 orders as stacked cards is tens of thousands of pixels tall.
        var width = Page.ViewportSize?.Width ?? 1366;
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true, Clip = new() { X = 0, Y = 0, Width = width, Height = Math.Min(height, MaxShotHeight) } });
        return path;
    }

    /// <summary>
    /// What a reader would see as broken on the current page: the page or a table wider than its box (sideways
    /// scrolling: columns cut off on a laptop or a phone), and "undefined" / "NaN" / "[object Object]" in the text.
    /// Empty when the page reads well.
    /// </summary>
    public async Task<IReadOnlyList<string>> LayoutProblemsAsync() => await Page.EvaluateAsync<string[]>(
        """
        () => {
          const bad = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth + 1) bad.push(`page ${root.scrollWidth} px wide > viewport ${root.clientWidth} px`);
          document.querySelectorAll('main .table-wrap').forEach((w) => {
            if (w.scrollWidth > w.clientWidth + 1) bad.push(`table ${w.querySelector('table')?.dataset.testid || '?'} ${w.scrollWidth} px wide > its panel ${w.clientWidth} px`);
          });
          const text = document.querySelector('main')?.innerText || '';
          for (const word of ['undefined', 'NaN', '[object Object]']) if (text.includes(word)) bad.push(`text shows "${word}"`);
          return bad;
        }
        """);

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private void Record(string text)
    {
        lock (_errors)
        {
            _errors.Add(text);
        }
    }
}
