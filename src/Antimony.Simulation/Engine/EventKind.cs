namespace Antimony.Simulation.Engine;

/// <summary>What a scheduled event does.</summary>
internal enum EventKind : byte
{
    /// <summary>The network's hash rate finds a block.</summary>
    Discover,

    /// <summary>A frame's last byte reaches a node.</summary>
    Deliver,

    /// <summary>A node's CPU has validated a block.</summary>
    Validated,
}
