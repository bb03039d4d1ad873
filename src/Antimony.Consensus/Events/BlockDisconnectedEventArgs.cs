using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Events;

/// <summary>A block left the active chain in a reorganization (its transactions may return to the mempool).</summary>
/// <param name="Block">The block.</param>
/// <param name="Entry">Its entry in the header tree.</param>
public sealed record BlockDisconnectedEventArgs(Block Block, ChainEntry Entry);
