using Xunit.Abstractions;
using Xunit.Sdk;

namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>Runs the tests of a class by their <see cref="StepAttribute"/> order (tests share one running service).</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string Name = "ResearchPlatform.Dashboard.Tests.TestSupport.StepOrderer";
    public const string Assembly = "ResearchPlatform.Dashboard.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
