using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Signatures;

/// <summary>One ECDSA verification from wire bytes (compressed key, strict DER): Antimony on BouncyCastle against NBitcoin's <c>PubKey.Verify</c>.</summary>
[MemoryDiagnoser]
public class EcdsaVerifyBenchmarks
{
    private byte[] _key = [];
    private byte[] _der = [];
    private Hash256 _hash;
    private global::NBitcoin.uint256 _nbitcoinHash = global::NBitcoin.uint256.Zero;

    /// <summary>Signs one hash with a random key.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var key = PrivateKey.Generate();
        _hash = Sha256d.Hash("antimony"u8);
        _der = key.SignEcdsa(_hash).ToDer();
        _key = key.PublicKey.Bytes.ToArray();
        _nbitcoinHash = new global::NBitcoin.uint256(_hash.ToArray());
    }

    /// <summary>NBitcoin: parse key and DER, verify.</summary>
    [Benchmark(Baseline = true)]
    public bool NBitcoinPubKey() => new global::NBitcoin.PubKey(_key).Verify(_nbitcoinHash, new global::NBitcoin.Crypto.ECDSASignature(_der));

    /// <summary>Antimony: parse key and strict DER, verify (low S required).</summary>
    [Benchmark]
    public bool AntimonyPublicKey() =>
        PublicKey.TryParse(_key, out var key) && EcdsaSignature.TryParseDer(_der, out var signature) && key.Verify(_hash, signature);
}
