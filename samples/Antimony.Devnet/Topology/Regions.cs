namespace Antimony.Devnet.Topology;

/// <summary>
/// The nine simulated regions of the original product, handed out round-robin: labels only (shown in
/// <c>/status</c> and the dashboard); all nodes still run on one machine.
/// </summary>
internal static class Regions
{
    /// <summary>The labels, in assignment order.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["us-east", "us-west", "eu-west", "eu-central", "ap-south", "ap-northeast", "ap-southeast", "sa-east", "af-south"];

    /// <summary>The region of node <paramref name="index"/>.</summary>
    public static string Of(int index) => All[index % All.Count];
}
