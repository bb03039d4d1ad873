using Antimony.Consensus.Coins;

namespace Antimony.Storage.RocksDb.Internal;

/// <summary>One cached outpoint: its coin (or that it is spent) and whether the database still has to learn it.</summary>
/// <param name="Coin">The coin, when <paramref name="Exists"/>.</param>
/// <param name="Exists">Whether the coin is unspent; a spent entry is kept until the deletion is flushed.</param>
/// <param name="Dirty">Whether the entry differs from the database.</param>
internal readonly record struct CoinCacheEntry(Coin Coin, bool Exists, bool Dirty)
{
    /// <summary>
    /// A rough count of the memory one entry holds: the key and value structs, the script's array and the
    /// dictionary's node and bookkeeping. Only used against the cache's budget, so it need not be exact.
    /// </summary>
    public long EstimatedBytes => 120 + Coin.Output.ScriptPubKey.Length;
}
