using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Antimony.Testing.Chains;
using Antimony.Wallet.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Wallet.Tests.Support;

/// <summary>
/// An in-process node for wallet tests: the consensus harness composed with the mempool and <c>AddWallet</c>,
/// a miner that pays any script, and helpers to open more wallets on the same chain.
/// </summary>
internal sealed class WalletNode : IDisposable
{
    public const string Passphrase = "correct horse battery staple";

    /// <summary>Regtest with a coinbase maturity of 10 so tests mature coins in a few blocks.</summary>
    public static readonly ChainParameters Parameters = ChainParameters.Regtest with { CoinbaseMaturity = 10 };

    private readonly List<NodeWallet> _extra = [];

    public WalletNode(TempDirectory directory, string? passphrase = Passphrase)
    {
        Directory = directory;
        Harness = new ChainHarness(Parameters, configure: b => b.AddMempool().AddWallet(o =>
        {
            o.Path = directory.Sub("a");
            o.Passphrase = passphrase;
        }));
        Miner = new TestMiner(Harness);
        Wallet = Harness.Services.GetRequiredService<NodeWallet>();
        Wallet.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public TempDirectory Directory { get; }

    public ChainHarness Harness { get; }

    public TestMiner Miner { get; }

    /// <summary>The wallet the container registered (path "a").</summary>
    public NodeWallet Wallet { get; }

    public TransactionPool Pool => Harness.Services.GetRequiredService<TransactionPool>();

    /// <summary>A script no wallet owns, for blocks that should pay nobody we watch.</summary>
    public static Script Elsewhere { get; } = ScriptPubKey.P2tr(Enumerable.Repeat((byte)0x02, 32).ToArray()).Script;

    /// <summary>Opens (and starts) another wallet on the same chain and mempool, in directory <paramref name="name"/>.</summary>
    public NodeWallet Open(string name, string? passphrase = Passphrase)
    {
        var wallet = new NodeWallet(Harness.Chain, Harness.Services.GetRequiredService<IChainEvents>(),
            Options.Create(new WalletOptions { Path = Directory.Sub(name), Passphrase = passphrase }), null, null, Pool);
        wallet.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _extra.Add(wallet);
        return wallet;
    }

    /// <summary>Stops a wallet opened with <see cref="Open"/> (as a host shutting down would).</summary>
    public void Close(NodeWallet wallet)
    {
        wallet.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        wallet.Dispose();
        _extra.Remove(wallet);
    }

    public Transaction MempoolTransaction(Txid txid)
    {
        Assert.True(Pool.TryGetEntry(txid, out var entry), $"{txid} is not in the mempool");
        return entry.Transaction;
    }

    public void Dispose()
    {
        foreach (var wallet in _extra)
            wallet.Dispose();
        Harness.Dispose();
    }
}
