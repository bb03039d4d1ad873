using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using BenchmarkDotNet.Attributes;
using NBitcoin;
using NBSchnorrSignature = NBitcoin.Crypto.SchnorrSignature;

namespace Antimony.Benchmarks.Signatures;

/// <summary>
/// One BIP340 verification from wire bytes (key parse with lift_x, signature parse, verify): Antimony on
/// BouncyCastle against NBitcoin's managed libsecp256k1 port
/// (<c>TaprootPubKey.VerifySignature</c>, which runs the port's <c>SigVerifyBIP340</c>).
/// </summary>
[MemoryDiagnoser]
public class SchnorrVerifyBenchmarks
{
    private byte[] _key = [];
    private byte[] _message = [];
    private byte[] _signature = [];
    private XOnlyPublicKey _parsedKey;
    private SchnorrSignature _parsedSignature;
    private TaprootPubKey? _nbitcoinKey;
    private NBSchnorrSignature? _nbitcoinSignature;

    /// <summary>Signs one random message with a random key.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var key = PrivateKey.Generate();
        _message = Sha256d.Hash("antimony"u8).ToArray();
        _signature = key.SignSchnorr(_message, new byte[32]).ToArray();
        _key = key.XOnlyPublicKey.Bytes.ToArray();
        _parsedKey = XOnlyPublicKey.Parse(_key);
        _parsedSignature = SchnorrSignature.Parse(_signature);
        _nbitcoinKey = new TaprootPubKey(_key);
        NBSchnorrSignature.TryParse(_signature, out _nbitcoinSignature);
    }

    /// <summary>NBitcoin: parse key and signature, verify.</summary>
    [Benchmark(Baseline = true)]
    public bool NBitcoinFromBytes() =>
        TaprootPubKey.TryCreate(_key, out var key) && NBSchnorrSignature.TryParse(_signature, out var signature)
        && key.VerifySignature(_message, signature);

    /// <summary>Antimony: parse key and signature, verify.</summary>
    [Benchmark]
    public bool AntimonyFromBytes() =>
        XOnlyPublicKey.TryParse(_key, out var key) && SchnorrSignature.TryParse(_signature, out var signature)
        && key.Verify(_message, signature);

    /// <summary>NBitcoin: verify only (key and signature parsed beforehand).</summary>
    [Benchmark]
    public bool NBitcoinParsed() => _nbitcoinKey!.VerifySignature(_message, _nbitcoinSignature!);

    /// <summary>Antimony: verify only (key and signature parsed beforehand).</summary>
    [Benchmark]
    public bool AntimonyParsed() => _parsedKey.Verify(_message, _parsedSignature);
}
