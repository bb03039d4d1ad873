using Antimony.Consensus.Chain;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Storage;

/// <summary>What a block store keeps about one header so the header tree can be rebuilt at start-up.</summary>
/// <param name="Header">The header.</param>
/// <param name="Height">Its height (lets a loader sort parents before children).</param>
/// <param name="Status">Its status flags.</param>
/// <param name="InvalidReason">Why it is invalid, when it is.</param>
/// <param name="Sequence">The order in which the node first learnt of the header; it breaks ties in work, so it survives restarts.</param>
public sealed record BlockIndexRecord(BlockHeader Header, int Height, BlockStatus Status, RejectReason? InvalidReason, long Sequence);
