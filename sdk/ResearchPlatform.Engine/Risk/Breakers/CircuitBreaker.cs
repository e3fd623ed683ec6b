namespace ResearchPlatform.Engine.Risk.Breakers;

/// <summary>The state of one <see cref="CircuitBreakerRule"/>: active or not, since when, last value.</summary>
internal sealed class CircuitBreaker
{
    public CircuitBreaker(CircuitBreakerRule rule) => Rule = rule;

    public CircuitBreakerRule Rule { get; }

    public bool IsActive { get; private set; }

    public DateTimeOffset ActiveSince { get; private set; }

    public double LastValue { get; private set; } = double.NaN;

    /// <summary>Feeds the current metric value; returns the trip/reset event when the state changed, else null.</summary>
    public BreakerEvent? Update(double value, DateTimeOffset now)
    {
        if (double.IsNaN(value))
        {
            return null;
        }

        LastValue = value;
        if (!IsActive && value >= Rule.Trigger)
        {
            IsActive = true;
            ActiveSince = now;
            return new BreakerEvent(now, Rule.Name, true, value, Rule.Trigger);
        }

        if (IsActive && value <= Rule.Reset && now - ActiveSince >= Rule.MinActive)
        {
            IsActive = false;
            return new BreakerEvent(now, Rule.Name, false, value, Rule.Reset);
        }

        return null;
    }

    /// <summary>Manual reset (an operator decision); returns the event, or null when it was not active.</summary>
    public BreakerEvent? ForceReset(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return null;
        }

        IsActive = false;
        return new BreakerEvent(now, Rule.Name, false, LastValue, Rule.Reset);
    }

    public ActiveBreaker ToActive() => new(Rule.Name, Rule.Severity, LastValue, Rule.Trigger, ActiveSince);
}
