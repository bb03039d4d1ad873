using System.Globalization;
using System.Text;
using System.Text.Json;
using Antimony.Devnet.Checks;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Bench;

/// <summary>What <c>bench</c> found: every test's result, the points of each part of the score and the total.</summary>
/// <param name="StartedUtc">When the bench began.</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="State">The devnet measured.</param>
/// <param name="Results">Every test run, in order.</param>
/// <param name="Points">Points per part (see <see cref="BenchScore"/>).</param>
internal sealed record BenchReport(DateTimeOffset StartedUtc, double Seconds, DevnetState State, IReadOnlyList<CheckResult> Results, IReadOnlyList<(string Part, double Points, double Max)> Points)
{
    /// <summary>The 0-100 score.</summary>
    public int Score => (int)Math.Round(Points.Sum(p => p.Points));

    /// <summary>The report as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        startedUtc = StartedUtc,
        seconds = Math.Round(Seconds, 1),
        network = State.Network,
        topology = State.Topology.ToString().ToLowerInvariant(),
        nodes = State.Nodes.Count,
        score = Score,
        parts = Points.Select(p => new { part = p.Part, points = Math.Round(p.Points, 1), max = p.Max }),
        tests = Results.Select(r => new { name = r.Name, passed = r.Passed, summary = r.Summary, metrics = r.Metrics.ToDictionary(m => m.Key, m => double.IsFinite(m.Value) ? Math.Round(m.Value, 3) : (double?)null) }),
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The report as Markdown, with the scoring explained.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# atmn-devnet bench: {Score}/100\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{State.Nodes.Count} nodes, {State.Network}, {State.Topology.ToString().ToLowerInvariant()} topology; started {StartedUtc:yyyy-MM-dd HH:mm:ss} UTC, ran {Seconds:0} s.\n\n");
        md.Append("| Part | Points | Max |\n|---|---:|---:|\n");
        foreach (var (part, points, max) in Points)
            md.Append(CultureInfo.InvariantCulture, $"| {part} | {points:0.0} | {max:0} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| **total** | **{Score}** | 100 |\n\n");
        md.Append("## Tests\n\n");
        foreach (var result in Results)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {result.Verdict}\n\n");
            foreach (string line in result.Summary)
                md.Append("    ").Append(line).Append('\n');
            md.Append('\n');
        }
        md.Append("## Scoring\n\n");
        md.Append("A part earns points only when its test passes, scaled by quality: connectivity 15 x share of planned edges up; ");
        md.Append(CultureInfo.InvariantCulture, $"propagation 20, full at p95 <= {BenchScore.FastP95Ms} ms, none at >= {BenchScore.SlowP95Ms} ms, linear between; ");
        md.Append("miners 15 x (1 - stale rate); ");
        md.Append(CultureInfo.InvariantCulture, $"throughput 20 x log10(tx/s) / log10({BenchScore.TargetTps:0}) (the original 10,000 TPS goal is full marks); ");
        md.Append("fork 15 x share of fork runs passed; health 15 x network health score / 100.\n");
        return md.ToString();
    }
}
