using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>The store contract against the consensus layer's in-memory stores (the reference behaviour).</summary>
public sealed class InMemoryStoreContractTests : StoreContractTests
{
    /// <inheritdoc />
    protected override IStoreUnderTest CreateStore() => new InMemoryStores();

    private sealed class InMemoryStores : IStoreUnderTest
    {
        private readonly InMemoryChainStateStore _chainState = new();

        public IBlockStore Blocks { get; } = new InMemoryBlockStore();

        public IChainStateStore ChainState => _chainState;

        public IReadOnlyDictionary<OutPoint, Coin> CopyCoins() => _chainState.CopyCoins();

        // Memory has nothing to close: "reopening" keeps the same stores.
        public IStoreUnderTest Reopen() => this;

        public void Dispose()
        {
        }
    }
}
