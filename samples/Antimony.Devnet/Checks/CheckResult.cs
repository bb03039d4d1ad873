namespace Antimony.Devnet.Checks;

/// <summary>The outcome of one <c>test</c>: pass or fail, the lines it printed as its summary and its figures for the bench report.</summary>
/// <param name="Name">The test's name (connectivity, propagation, ...).</param>
/// <param name="Passed">Whether every assertion held.</param>
/// <param name="Summary">Human-readable findings, failures first.</param>
/// <param name="Metrics">Named figures (delays in ms, rates per second, counts).</param>
internal sealed record CheckResult(string Name, bool Passed, IReadOnlyList<string> Summary, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>"PASS test connectivity" or "FAIL test fork".</summary>
    public string Verdict => $"{(Passed ? "PASS" : "FAIL")} test {Name}";
}
