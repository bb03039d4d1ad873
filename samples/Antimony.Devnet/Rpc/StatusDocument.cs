namespace Antimony.Devnet.Rpc;

/// <summary>
/// A node's <c>GET /status</c> document (CONTRACTS.md section 2), as far as this tool reads it. Every part is
/// optional so a node with fewer fields still reads.
/// </summary>
internal sealed record StatusDocument
{
    /// <summary>The chain name.</summary>
    public string? Network { get; init; }

    /// <summary>The region label.</summary>
    public string? Region { get; init; }

    /// <summary>The node's version.</summary>
    public string? Version { get; init; }

    /// <summary>Seconds since the node started.</summary>
    public double UptimeSeconds { get; init; }

    /// <summary>The active chain's height.</summary>
    public int Height { get; init; }

    /// <summary>The tip's hash in display hex.</summary>
    public string? BestBlockHash { get; init; }

    /// <summary>The best header's height.</summary>
    public int Headers { get; init; }

    /// <summary>The P2P listen endpoint.</summary>
    public string? Listen { get; init; }

    /// <summary>Connected peers.</summary>
    public IReadOnlyList<PeerEntry> Peers { get; init; } = [];

    /// <summary>Connection counts.</summary>
    public ConnectionCounts Connections { get; init; } = new();

    /// <summary>Handshake counters since start.</summary>
    public HandshakeCounts Handshakes { get; init; } = new();

    /// <summary>Mempool size.</summary>
    public MempoolFigures Mempool { get; init; } = new();

    /// <summary>The background miner.</summary>
    public MiningFigures Mining { get; init; } = new();

    /// <summary>The node's own health score.</summary>
    public HealthFigures? Health { get; init; }

    /// <summary>The last blocks connected, newest first, with when this node first saw them.</summary>
    public IReadOnlyList<BlockArrival> RecentBlocks { get; init; } = [];

    /// <summary>Recent warnings and errors.</summary>
    public IReadOnlyList<NodeEvent> RecentEvents { get; init; } = [];

    /// <summary>Process figures.</summary>
    public ProcessFigures Process { get; init; } = new();

    /// <summary>One connected peer.</summary>
    /// <param name="Address">For an outbound peer the endpoint dialled (its listen endpoint).</param>
    /// <param name="Inbound">Whether the peer dialled us.</param>
    /// <param name="PingMs">Last ping round trip, null before the first pong.</param>
    /// <param name="ConnectedSeconds">Connection age.</param>
    /// <param name="StartHeight">The height the peer announced.</param>
    /// <param name="UserAgent">The peer's user agent.</param>
    internal sealed record PeerEntry(string? Address, bool Inbound, double? PingMs, double ConnectedSeconds, int StartHeight, string? UserAgent);

    /// <summary>Connection counts.</summary>
    /// <param name="Inbound">Peers that dialled us.</param>
    /// <param name="Outbound">Peers we dialled.</param>
    internal sealed record ConnectionCounts(int Inbound = 0, int Outbound = 0);

    /// <summary>Handshake counters.</summary>
    /// <param name="Succeeded">Completed version/verack exchanges.</param>
    /// <param name="Failed">Exchanges that failed.</param>
    internal sealed record HandshakeCounts(long Succeeded = 0, long Failed = 0);

    /// <summary>Mempool size.</summary>
    /// <param name="Size">Transactions.</param>
    /// <param name="Bytes">Their total size.</param>
    internal sealed record MempoolFigures(int Size = 0, long Bytes = 0);

    /// <summary>The background miner.</summary>
    /// <param name="Enabled">Whether it runs.</param>
    /// <param name="HashRate">Hashes per second.</param>
    /// <param name="BlocksFound">Blocks it found since start.</param>
    internal sealed record MiningFigures(bool Enabled = false, double HashRate = 0, long BlocksFound = 0);

    /// <summary>The node's health score.</summary>
    /// <param name="Score">0-100.</param>
    internal sealed record HealthFigures(int Score = 0);

    /// <summary>When this node first saw a block.</summary>
    /// <param name="Height">The block's height.</param>
    /// <param name="Hash">The block's hash.</param>
    /// <param name="HeaderTime">The header's time (Unix seconds).</param>
    /// <param name="ReceivedUnixMs">When the node first saw it (Unix milliseconds).</param>
    /// <param name="DelayMs">Received minus header time.</param>
    internal sealed record BlockArrival(int Height, string Hash, long HeaderTime, long ReceivedUnixMs, double DelayMs);

    /// <summary>A logged event.</summary>
    /// <param name="UnixMs">When.</param>
    /// <param name="Level">Log level name.</param>
    /// <param name="Message">What.</param>
    internal sealed record NodeEvent(long UnixMs, string? Level, string? Message);

    /// <summary>Process figures.</summary>
    /// <param name="Pid">Process id.</param>
    /// <param name="WorkingSetBytes">Resident memory.</param>
    /// <param name="CpuSeconds">CPU time used since start.</param>
    internal sealed record ProcessFigures(int Pid = 0, long WorkingSetBytes = 0, double CpuSeconds = 0);
}
