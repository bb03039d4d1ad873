using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using BenchmarkDotNet.Attributes;
using Nb = NBitcoin;

namespace Antimony.Benchmarks.Signing;

/// <summary>
/// BIP143 signature hashes for every P2WPKH input of a transaction, including the per-transaction precomputation:
/// Antimony's <see cref="SigHashCache"/> against NBitcoin's <c>GetSignatureHash</c> with <c>PrecomputedTransactionData</c>.
/// </summary>
[MemoryDiagnoser]
public class P2wpkhSigHashBenchmarks
{
    private SigHashBenchmarkData _data = null!;
    private Hash160 _keyHash;
    private Nb.Script _scriptCode = null!;

    /// <summary>Inputs per transaction.</summary>
    [Params(1, 100)]
    public int Inputs { get; set; }

    /// <summary>Builds the transaction.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _keyHash = Hash160.Compute([3]);
        _data = new SigHashBenchmarkData(Inputs, ScriptPubKey.P2wpkh(_keyHash).Script);
        _scriptCode = new Nb.Script(new byte[] { 0x76, 0xa9, 0x14 }.Concat(_keyHash.ToArray()).Concat(new byte[] { 0x88, 0xac }).ToArray());
    }

    /// <summary>NBitcoin: precompute, then one hash per input.</summary>
    [Benchmark(Baseline = true)]
    public Nb.uint256 NBitcoin()
    {
        var tx = _data.NBitcoinTransaction;
        var precomputed = tx.PrecomputeTransactionData(_data.NBitcoinSpent);
        Nb.uint256 last = Nb.uint256.Zero;
        for (int i = 0; i < Inputs; i++)
            last = tx.GetSignatureHash(_scriptCode, i, Nb.SigHash.All, _data.NBitcoinSpent[i], Nb.HashVersion.WitnessV0, precomputed);
        return last;
    }

    /// <summary>Antimony: build the cache, then one hash per input.</summary>
    [Benchmark]
    public Hash256 Antimony()
    {
        var cache = new SigHashCache(_data.Transaction, _data.Spent);
        Hash256 last = default;
        for (int i = 0; i < Inputs; i++)
            cache.TryGetP2wpkhHash(i, _keyHash, SigHashType.All, out last, out _);
        return last;
    }
}
