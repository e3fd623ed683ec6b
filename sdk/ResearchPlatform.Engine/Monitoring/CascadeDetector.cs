namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Watches component states and reports, once, when two or more components started failing within the window (a
/// cascade). A component that fails alone is reported on its own; when others join it within the window, the cascade
/// names all of them. The detector re-arms when every component has recovered.
/// </summary>
public sealed class CascadeDetector(TimeSpan window)
{
    private readonly Dictionary<string, DateTimeOffset> _failingSince = new(StringComparer.Ordinal);
    private bool _cascadeReported;

    /// <summary>What changed in one observation.</summary>
    public sealed record Result(IReadOnlyList<string> NewlyFailing, IReadOnlyList<string>? Cascade);

    /// <summary>Observes the current states at <paramref name="now"/>.</summary>
    public Result Observe(IReadOnlyList<ComponentStatus> components, DateTimeOffset now)
    {
        var newly = new List<string>();
        foreach (var c in components)
        {
            if (c.Failing && _failingSince.TryAdd(c.Name, now))
            {
                newly.Add(c.Name);
            }
            else if (!c.Failing)
            {
                _failingSince.Remove(c.Name);
            }
        }

        if (_failingSince.Count == 0)
        {
            _cascadeReported = false;
            return new Result(newly, null);
        }

        var recent = _failingSince.Where(p => now - p.Value <= window).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (!_cascadeReported && recent.Count >= 2 && newly.Count > 0)
        {
            _cascadeReported = true;
            return new Result(newly, recent);
        }

        return new Result(newly, null);
    }
}
