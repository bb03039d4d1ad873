using Antimony.Consensus.Chain;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Events;

/// <summary>A block joined the active chain.</summary>
/// <param name="Block">The block.</param>
/// <param name="Entry">Its entry in the header tree.</param>
public sealed record BlockConnectedEventArgs(Block Block, ChainEntry Entry);
