namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>A clock stopped at a given instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
