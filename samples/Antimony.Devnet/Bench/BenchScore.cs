namespace Antimony.Devnet.Bench;

/// <summary>
/// The bench's 0-100 score: six parts, each earned only by a passing test and scaled by how well it went.
/// <list type="bullet">
/// <item>Connectivity, 15: the share of planned bootstrap edges that are up.</item>
/// <item>Propagation, 20: full at a p95 of <see cref="FastP95Ms"/> or less, nothing at <see cref="SlowP95Ms"/> or more, linear between.</item>
/// <item>Miners, 15: scaled by the share of blocks that did not go stale.</item>
/// <item>Throughput, 20: log10(accepted tx/s) / log10(10,000), capped at 1: the original product's 10,000 TPS goal earns full marks,
/// 1,000 tx/s three quarters, 100 tx/s half.</item>
/// <item>Fork, 15: the share of fork runs that passed.</item>
/// <item>Health, 15: the network's health score at the end, over 100.</item>
/// </list>
/// </summary>
internal static class BenchScore
{
    /// <summary>p95 propagation delay earning full propagation points.</summary>
    public const double FastP95Ms = 250;

    /// <summary>p95 propagation delay earning none.</summary>
    public const double SlowP95Ms = 5000;

    /// <summary>The original product's throughput goal.</summary>
    public const double TargetTps = 10_000;

    /// <summary>The parts' maximum points, in report order.</summary>
    public static IReadOnlyList<(string Part, double Max)> Parts { get; } =
        [("connectivity", 15), ("propagation", 20), ("miners", 15), ("throughput", 20), ("fork", 15), ("health", 15)];

    /// <summary>Connectivity points.</summary>
    public static double Connectivity(bool passed, double edgesUp, double edgesPlanned) =>
        !passed ? 0 : edgesPlanned <= 0 ? 15 : 15 * Math.Clamp(edgesUp / edgesPlanned, 0, 1);

    /// <summary>Propagation points.</summary>
    public static double Propagation(bool passed, double p95Ms) =>
        !passed || double.IsNaN(p95Ms) ? 0 : 20 * Math.Clamp((SlowP95Ms - p95Ms) / (SlowP95Ms - FastP95Ms), 0, 1);

    /// <summary>Miners points.</summary>
    public static double Miners(bool passed, double staleRate) => !passed ? 0 : 15 * Math.Clamp(1 - staleRate, 0, 1);

    /// <summary>Throughput points.</summary>
    public static double Throughput(bool passed, double acceptedPerSecond) =>
        !passed || acceptedPerSecond <= 1 ? 0 : 20 * Math.Clamp(Math.Log10(acceptedPerSecond) / Math.Log10(TargetTps), 0, 1);

    /// <summary>Fork points.</summary>
    public static double Fork(int runs, int passedRuns) => runs <= 0 ? 0 : 15.0 * passedRuns / runs;

    /// <summary>Health points.</summary>
    public static double Health(int healthScore) => 15 * Math.Clamp(healthScore, 0, 100) / 100.0;
}
