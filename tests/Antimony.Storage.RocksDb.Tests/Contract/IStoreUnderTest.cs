using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>A block store and chain state store pair under test, and how to close and reopen them.</summary>
public interface IStoreUnderTest : IDisposable
{
    /// <summary>The block store.</summary>
    IBlockStore Blocks { get; }

    /// <summary>The chain state store.</summary>
    IChainStateStore ChainState { get; }

    /// <summary>Every coin the chain state holds.</summary>
    IReadOnlyDictionary<OutPoint, Coin> CopyCoins();

    /// <summary>Closes and reopens on the same data; returns the reopened stores (possibly the same object).</summary>
    IStoreUnderTest Reopen();
}
