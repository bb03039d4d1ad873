using Antimony.Consensus.Chain;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Antimony.Testing.Chains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Storage.RocksDb.Tests.Index;

/// <summary>
/// The RocksDB transaction index follows block connection, disconnection in a reorganization and restarts, and
/// is built in the background when enabled on a store that already holds a chain.
/// </summary>
public sealed class TransactionIndexTests
{
    private static readonly ChainParameters Parameters = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    [Fact]
    public async Task The_index_follows_connections_a_reorganization_and_a_restart()
    {
        using var directory = new TempDirectory();
        using var builder = new ChainBuilder(Parameters);
        var a1 = builder.AddBlock();
        var coin = a1.Coins.First(c => c.Key.Txid == a1.Block.Transactions[0].Txid);
        var spend = builder.Spend(coin.Key, coin.Value);
        var a2 = builder.AddBlock(a1, [spend]);
        var a3 = builder.AddBlock(a2);
        var b2 = builder.AddBlock(a1);
        var b3 = builder.AddBlock(b2, [spend]);
        var b4 = builder.AddBlock(b3);

        await using (var node = Node.Start(directory.Path, index: true))
        {
            await node.ProcessAsync(a1, a2, a3);
            Assert.Equal(new TransactionLocation(a2.Hash, 1), node.Locate(spend.Txid));
            Assert.Equal(new TransactionLocation(a3.Hash, 0), node.Locate(CoinbaseOf(a3)));

            await node.ProcessAsync(b2, b3, b4);
            Assert.Equal(b4.Hash, node.Chain.Tip.Hash);
            Assert.Equal(new TransactionLocation(b3.Hash, 1), node.Locate(spend.Txid));
            Assert.Null(node.Locate(CoinbaseOf(a2)));
            Assert.Null(node.Locate(CoinbaseOf(a3)));
            Assert.Equal(new TransactionLocation(a1.Hash, 0), node.Locate(CoinbaseOf(a1)));
            Assert.Equal(new TransactionIndexStatus(true, 4), node.Index.Status);
        }
        await using (var node = Node.Start(directory.Path, index: true))
        {
            Assert.Equal(new TransactionLocation(b3.Hash, 1), node.Locate(spend.Txid));
            Assert.Equal(new TransactionLocation(b4.Hash, 0), node.Locate(CoinbaseOf(b4)));
            Assert.Null(node.Locate(CoinbaseOf(a3)));
            Assert.Equal(new TransactionIndexStatus(true, 4), node.Index.Status);
        }
    }

    [Fact]
    public async Task Enabled_on_an_existing_chain_the_index_is_built_in_the_background_and_rebuilt_after_running_without_it()
    {
        using var directory = new TempDirectory();
        using var builder = new ChainBuilder(Parameters);
        var blocks = Enumerable.Range(0, 12).Select(_ => builder.AddBlock()).ToArray();
        await using (var node = Node.Start(directory.Path, index: false))
            await node.ProcessAsync(blocks[..8]);

        await using (var node = Node.Start(directory.Path, index: true))
        {
            await node.Store.ChainState.TransactionIndexBuild;
            await node.ProcessAsync(blocks[8..10]);
            foreach (var block in blocks[..10])
                Assert.Equal(new TransactionLocation(block.Hash, 0), node.Locate(CoinbaseOf(block)));
            Assert.Equal(new TransactionIndexStatus(true, 10), node.Index.Status);
        }
        // Blocks connected while the index is off are missing from it: the next start with it rebuilds.
        await using (var node = Node.Start(directory.Path, index: false))
            await node.ProcessAsync(blocks[10..]);
        await using (var node = Node.Start(directory.Path, index: true))
        {
            await node.Store.ChainState.TransactionIndexBuild;
            Assert.Equal(new TransactionLocation(blocks[11].Hash, 0), node.Locate(CoinbaseOf(blocks[11])));
            Assert.Equal(new TransactionIndexStatus(true, 12), node.Index.Status);
        }
    }

    [Fact]
    public async Task A_store_written_before_the_index_existed_gains_its_column_family()
    {
        using var directory = new TempDirectory();
        using var builder = new ChainBuilder(Parameters);
        var first = builder.AddBlock();
        var second = builder.AddBlock();
        await using (var node = Node.Start(directory.Path, index: false))
            await node.ProcessAsync(first);
        Store.RawDatabase.Edit(directory.Path, db => db.DropColumnFamily("txindex"));

        await using var reopened = Node.Start(directory.Path, index: true);
        await reopened.Store.ChainState.TransactionIndexBuild;
        await reopened.ProcessAsync(second);
        Assert.Equal(new TransactionLocation(first.Hash, 0), reopened.Locate(CoinbaseOf(first)));
        Assert.Equal(new TransactionLocation(second.Hash, 0), reopened.Locate(CoinbaseOf(second)));
    }

    [Fact]
    public async Task Without_the_index_nothing_is_found()
    {
        using var directory = new TempDirectory();
        using var builder = new ChainBuilder(Parameters);
        var block = builder.AddBlock();
        await using var node = Node.Start(directory.Path, index: false);
        await node.ProcessAsync(block);
        Assert.False(node.Store.ChainState.TryGetLocation(CoinbaseOf(block), out _));
        Assert.False(node.Store.ChainState.Status.IsSynced);
        Assert.Null(node.Provider.GetService<ITransactionIndex>());
    }

    private static Txid CoinbaseOf(BuiltBlock block) => block.Block.Transactions[0].Txid;

    private sealed class Node(ServiceProvider provider) : IAsyncDisposable
    {
        public ServiceProvider Provider => provider;

        public ChainState Chain => provider.GetRequiredService<ChainState>();

        public RocksDbStore Store => provider.GetRequiredService<RocksDbStore>();

        public ITransactionIndex Index => provider.GetRequiredService<ITransactionIndex>();

        public static Node Start(string directory, bool index)
        {
            var services = new ServiceCollection();
            var antimony = services.AddAntimony(Parameters).AddRocksDbStore(directory, o => o.MaxUnflushedBlocks = 3);
            if (index)
                antimony.AddTransactionIndex();
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            provider.GetRequiredService<IStartupValidator>().Validate();
            _ = provider.GetRequiredService<ChainState>();
            return new Node(provider);
        }

        public async Task ProcessAsync(params BuiltBlock[] blocks)
        {
            foreach (var block in blocks)
                Assert.NotEqual(BlockAcceptance.Rejected, (await Chain.ProcessBlockAsync(block.Block)).Acceptance);
        }

        public TransactionLocation? Locate(Txid txid) => Index.TryGetLocation(txid, out var location) ? location : null;

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }
}
