using System.Globalization;

namespace Antimony.Devnet.Nodes;

/// <summary>
/// The atmn-node command line for one devnet node (CONTRACTS.md section 1), kept apart from process
/// handling so tests can check it.
/// </summary>
internal static class NodeCommandLine
{
    /// <summary>The arguments for a node.</summary>
    /// <param name="network">The chain (devnet or regtest).</param>
    /// <param name="dataDirectory">The node's own directory.</param>
    /// <param name="port">P2P port on 127.0.0.1.</param>
    /// <param name="rpcPort">HTTP port on 127.0.0.1.</param>
    /// <param name="region">Region label for /status.</param>
    /// <param name="bootstrapPorts">Ports of the nodes it dials first.</param>
    /// <param name="mine">Whether it mines in the background (one thread).</param>
    /// <param name="maxOutbound">Outbound connection target, or null for the node's default.</param>
    public static IReadOnlyList<string> For(string network, string dataDirectory, int port, int rpcPort, string region,
        IEnumerable<int> bootstrapPorts, bool mine, int? maxOutbound)
    {
        var args = new List<string>
        {
            "--network", network,
            "--datadir", dataDirectory,
            "--port", Invariant(port),
            "--rpc-port", Invariant(rpcPort),
            "--region", region,
        };
        foreach (int bootstrap in bootstrapPorts)
            args.AddRange(["--bootstrap", "127.0.0.1:" + Invariant(bootstrap)]);
        if (mine)
            args.AddRange(["--mine", "true", "--threads", "1"]);
        if (maxOutbound is int outbound)
            args.AddRange(["--max-outbound", Invariant(outbound)]);
        return args;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
