using Antimony.Consensus.Chain;

namespace Antimony.Consensus.Events;

/// <summary>The active chain's tip moved; raised once per activation, after its connect and disconnect events.</summary>
/// <param name="OldTip">The tip before.</param>
/// <param name="NewTip">The tip after.</param>
/// <param name="DisconnectedBlocks">How many blocks were disconnected on the way (the reorganization depth; 0 for an extension).</param>
public sealed record TipChangedEventArgs(ChainEntry OldTip, ChainEntry NewTip, int DisconnectedBlocks);
