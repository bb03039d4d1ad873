namespace Antimony.Devnet.State;

/// <summary>One node <c>up</c> started: where it listens, where it keeps its data and which process it is.</summary>
/// <param name="Index">The node's number (0 is the primary bootstrap).</param>
/// <param name="Pid">The process id recorded at start; <c>down</c> signals this process and no other.</param>
/// <param name="Port">The P2P port on 127.0.0.1.</param>
/// <param name="RpcPort">The HTTP port (JSON-RPC and /status) on 127.0.0.1.</param>
/// <param name="DataDirectory">The node's own data directory (absolute).</param>
/// <param name="LogFile">Where the node's standard output and error go (absolute).</param>
/// <param name="Region">The simulated region label.</param>
/// <param name="Bootstraps">The indices of the nodes it dials on start.</param>
/// <param name="Miner">Whether it runs the background miner.</param>
internal sealed record NodeRecord(
    int Index,
    int Pid,
    int Port,
    int RpcPort,
    string DataDirectory,
    string LogFile,
    string Region,
    IReadOnlyList<int> Bootstraps,
    bool Miner)
{
    /// <summary>The P2P endpoint as other nodes and <c>setban</c> name it.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The base address of the node's HTTP server.</summary>
    public Uri RpcUri => new($"http://127.0.0.1:{RpcPort}/");

    /// <summary>The node's name in reports.</summary>
    public string Name => $"node{Index}";
}
