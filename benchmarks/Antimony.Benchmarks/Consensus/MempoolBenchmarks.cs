using System.Collections.Immutable;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Events;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Benchmarks.Consensus;

/// <summary>
/// Mempool acceptance rate for 1-input 2-output signed P2TR transactions, each spending its own confirmed coin,
/// with every consensus and policy check and the signature verified. No baseline library has a comparable
/// mempool (NBitcoin has none), so the baseline is the part acceptance cannot skip: the signature check alone
/// (BIP341 signature hash plus BIP340 verification through the same <see cref="ConsensusRuleSet"/>) of the same
/// transactions. The ratio is therefore the mempool's total cost over bare signature verification, and
/// <c>1 / mean</c> is the acceptance rate in transactions per second. <see cref="AcceptOverheadOnly"/> runs the
/// same acceptance with a verifier that approves every signature (signature hashes still computed), isolating
/// the mempool's own cost from the elliptic-curve arithmetic.
/// </summary>
[MemoryDiagnoser]
public class MempoolBenchmarks
{
    private const int Transactions = 2_000;

    private ServiceProvider? _services;
    private ServiceProvider? _trivialServices;
    private TransactionPool? _trivialPool;
    private ChainState? _chain;
    private ConsensusRuleSet? _rules;
    private ChainEvents? _events;
    private TransactionPool? _pool;
    private Transaction[] _transactions = [];
    private ImmutableArray<Coin>[] _spent = [];

    /// <summary>
    /// A regtest chain state whose UTXO set holds one confirmed P2TR coin per transaction (written straight
    /// into the in-memory store, as if a block had created them), and the signed spends of those coins.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _services = Compose(null);
        _trivialServices = Compose(new ApproveAll());
        _chain = _services.GetRequiredService<ChainState>();
        _rules = _services.GetRequiredService<ConsensusRuleSet>();
        _events = _services.GetRequiredService<ChainEvents>();

        var secret = new byte[32];
        secret[0] = 0x42;
        secret[31] = 7;
        var key = PrivateKey.Create(secret);
        var script = ScriptPubKey.P2tr(key.XOnlyPublicKey.Tweak(null).Key.Bytes).Script;
        var coins = new Dictionary<OutPoint, Coin>();
        _transactions = new Transaction[Transactions];
        _spent = new ImmutableArray<Coin>[Transactions];
        for (int i = 0; i < Transactions; i++)
        {
            var funding = new OutPoint(new Txid(Primitives.Hashing.Sha256d.Hash(BitConverter.GetBytes(i))), 0);
            var coin = new Coin(new TxOut(Money.FromCoins(1), script), 0, false);
            coins.Add(funding, coin);
            var unsigned = new TransactionBuilder().AddInput(funding)
                .AddOutput(new Money(60_000_000), script).AddOutput(new Money(39_990_000), script).Build();
            if (!TaprootKeySpend.TrySign(new SigHashCache(unsigned, [coin.Output]), 0, key, out var witness, out var error))
                throw new InvalidOperationException($"signing failed: {error}");
            _transactions[i] = unsigned.ToBuilder().SetWitness(0, witness).Build();
            _spent[i] = [coin];
        }
        foreach (var provider in new[] { _services, _trivialServices })
        {
            var chain = provider.GetRequiredService<ChainState>();
            var tip = new ChainTip(chain.Tip.Hash, chain.Tip.Height);
            provider.GetRequiredService<InMemoryChainStateStore>().Commit(
                new ChainStateBatch { PreviousTip = tip, NewTip = tip, AddedCoins = coins, RemovedCoins = [] });
        }
    }

    private static ServiceProvider Compose(ISignatureVerifier? verifier)
    {
        var services = new ServiceCollection();
        if (verifier is not null)
            services.AddSingleton(verifier);
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddMempool();
        return services.BuildServiceProvider();
    }

    /// <summary>An empty pool for each iteration (the same transactions are accepted again); both benchmarks get it so they share one job and the Ratio column compares them.</summary>
    [IterationSetup]
    public void NewPool()
    {
        _pool?.Dispose();
        _pool = new TransactionPool(_chain!, _rules!, _events!, Options.Create(new MempoolOptions()), TimeProvider.System);
        _trivialPool?.Dispose();
        _trivialPool = new TransactionPool(
            _trivialServices!.GetRequiredService<ChainState>(), _trivialServices!.GetRequiredService<ConsensusRuleSet>(),
            _trivialServices!.GetRequiredService<ChainEvents>(), Options.Create(new MempoolOptions()), TimeProvider.System);
    }

    /// <summary>Baseline: only the signature checks of the same transactions.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Transactions)]
    public int VerifySignaturesOnly()
    {
        int valid = 0;
        for (int i = 0; i < _transactions.Length; i++)
        {
            if (_rules!.VerifySpends(_transactions[i], _spent[i]).IsValid)
                valid++;
        }
        return valid == Transactions ? valid : throw new InvalidOperationException("a signature failed");
    }

    /// <summary>Full acceptance into the pool (consensus rules, policy, signatures, graph and indexes).</summary>
    [Benchmark(OperationsPerInvoke = Transactions)]
    public int Accept()
    {
        int accepted = 0;
        for (int i = 0; i < _transactions.Length; i++)
        {
            if (_pool!.Accept(_transactions[i]).IsAccepted)
                accepted++;
        }
        return accepted == Transactions ? accepted : throw new InvalidOperationException($"only {accepted} accepted");
    }

    /// <summary>Acceptance with every signature approved: the mempool's own cost (rules, policy, sighash, graph).</summary>
    [Benchmark(OperationsPerInvoke = Transactions)]
    public int AcceptOverheadOnly()
    {
        int accepted = 0;
        for (int i = 0; i < _transactions.Length; i++)
        {
            if (_trivialPool!.Accept(_transactions[i]).IsAccepted)
                accepted++;
        }
        return accepted == Transactions ? accepted : throw new InvalidOperationException($"only {accepted} accepted");
    }

    /// <summary>Releases the pools and the containers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _pool?.Dispose();
        _trivialPool?.Dispose();
        _services?.Dispose();
        _trivialServices?.Dispose();
    }

    /// <summary>Approves every signature (benchmark only: isolates the non-cryptographic cost).</summary>
    private sealed class ApproveAll : ISignatureVerifier
    {
        public bool VerifySchnorr(in XOnlyPublicKey key, ReadOnlySpan<byte> message, in SchnorrSignature signature) => true;

        public bool VerifyEcdsa(in PublicKey key, ReadOnlySpan<byte> hash32, in EcdsaSignature signature) => true;

        public bool VerifyBatch(ReadOnlySpan<SignatureCheck> checks, out int invalidIndex)
        {
            invalidIndex = -1;
            return true;
        }
    }
}
