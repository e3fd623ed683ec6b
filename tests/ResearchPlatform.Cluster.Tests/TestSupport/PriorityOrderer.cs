using Xunit.Abstractions;
using Xunit.Sdk;

namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>Runs test cases by <see cref="TestPriorityAttribute"/>, then by name.</summary>
public sealed class PriorityOrderer : ITestCaseOrderer
{
    public const string TypeName = "ResearchPlatform.Cluster.Tests.TestSupport.PriorityOrderer";

    public const string AssemblyName = "ResearchPlatform.Cluster.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => Priority(t)).ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Priority(ITestCase t) =>
        t.TestMethod.Method.GetCustomAttributes(typeof(TestPriorityAttribute).AssemblyQualifiedName).FirstOrDefault()?.GetNamedArgument<int>("Priority") ?? 0;
}
