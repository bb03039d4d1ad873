namespace Antimony.Consensus.Storage;

/// <summary>How far a <see cref="ITransactionIndex"/> has got (what <c>getindexinfo</c> reports).</summary>
/// <param name="IsSynced">Whether every active-chain block is indexed; lookups may miss older transactions until then.</param>
/// <param name="BestBlockHeight">The height up to which the active chain is indexed.</param>
public readonly record struct TransactionIndexStatus(bool IsSynced, int BestBlockHeight);
