using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using BenchmarkDotNet.Attributes;
using Nb = NBitcoin;

namespace Antimony.Benchmarks.Signing;

/// <summary>
/// BIP341 key-path signature hashes for every input of a transaction, including the per-transaction precomputation:
/// Antimony's <see cref="SigHashCache"/> against NBitcoin's <c>PrecomputedTransactionData</c>. Linear in the input count for both.
/// </summary>
[MemoryDiagnoser]
public class TaprootSigHashBenchmarks
{
    private SigHashBenchmarkData _data = null!;

    /// <summary>Inputs per transaction.</summary>
    [Params(1, 100)]
    public int Inputs { get; set; }

    /// <summary>Builds the transaction.</summary>
    [GlobalSetup]
    public void Setup() => _data = new SigHashBenchmarkData(Inputs, ScriptPubKey.P2tr(Sha256d.Hash([7]).ToArray()).Script);

    /// <summary>NBitcoin: precompute, then one hash per input.</summary>
    [Benchmark(Baseline = true)]
    public Nb.uint256 NBitcoin()
    {
        var tx = _data.NBitcoinTransaction;
        var precomputed = tx.PrecomputeTransactionData(_data.NBitcoinSpent);
        Nb.uint256 last = Nb.uint256.Zero;
        for (int i = 0; i < Inputs; i++)
            last = tx.GetSignatureHashTaproot(precomputed, new Nb.TaprootExecutionData(i) { SigHash = Nb.TaprootSigHash.Default });
        return last;
    }

    /// <summary>Antimony: build the cache, then one hash per input.</summary>
    [Benchmark]
    public Hash256 Antimony()
    {
        var cache = new SigHashCache(_data.Transaction, _data.Spent);
        Hash256 last = default;
        for (int i = 0; i < Inputs; i++)
            cache.TryGetTaprootKeyPathHash(i, SigHashType.Default, out last, out _);
        return last;
    }
}
