using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Storage;

/// <summary>
/// Bitcoin Core's <c>-txindex</c>: the block of every confirmed transaction on the active chain, kept by the chain
/// state store in step with block connection and disconnection (the same atomic write), so a reorganization
/// never leaves a transaction pointing at a block that left the chain. Enabled with
/// <see cref="TransactionIndexBuilderExtensions.AddTransactionIndex"/>.
/// </summary>
public interface ITransactionIndex
{
    /// <summary>Where the confirmed transaction <paramref name="txid"/> is, if the index knows it.</summary>
    bool TryGetLocation(Txid txid, out TransactionLocation location);

    /// <summary>Whether the index covers the whole active chain yet (an index enabled on an existing store is built in the background).</summary>
    TransactionIndexStatus Status { get; }
}
