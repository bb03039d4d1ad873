using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Signing;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Signatures;

/// <summary>
/// Verifying a block's worth of BIP340 signatures (keys and signatures already parsed): one by one against
/// BIP340 batch verification, on one core and across cores. Divide by <see cref="Count"/> for the per-signature cost.
/// </summary>
[MemoryDiagnoser]
public class SchnorrBatchBenchmarks
{
    private SignatureCheck[] _checks = [];
    private readonly ParallelSignatureVerifier _parallel = new(BouncyCastleSignatureVerifier.Instance);

    /// <summary>Signatures per batch.</summary>
    [Params(64, 1000)]
    public int Count { get; set; }

    /// <summary>Signs <see cref="Count"/> messages with 16 keys.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var keys = Enumerable.Range(0, 16).Select(_ => PrivateKey.Generate()).ToArray();
        _checks = Enumerable.Range(0, Count).Select(i =>
        {
            var key = keys[i % keys.Length];
            var message = Sha256d.Hash(BitConverter.GetBytes(i));
            return SignatureCheck.Schnorr(key.XOnlyPublicKey, message, key.SignSchnorr(message));
        }).ToArray();
    }

    /// <summary>Each signature verified on its own.</summary>
    [Benchmark(Baseline = true)]
    public bool OneByOne()
    {
        ISignatureVerifier verifier = BouncyCastleSignatureVerifier.Instance;
        foreach (ref readonly var check in _checks.AsSpan())
            if (!verifier.Verify(check))
                return false;
        return true;
    }

    /// <summary>BIP340 batch verification on one core.</summary>
    [Benchmark]
    public bool Batch() => BouncyCastleSignatureVerifier.Instance.VerifyBatch(_checks, out _);

    /// <summary>Batch verification split into per-core chunks.</summary>
    [Benchmark]
    public bool ParallelBatch() => _parallel.VerifyBatch(_checks.AsMemory(), out _, CancellationToken.None);
}
