namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>Position of a test in a class ordered by <see cref="StepOrderer"/> (the emergency stop must come last).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
