using Antimony.Wallet.Keys;
using Antimony.Wallet.Mnemonics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Antimony.Benchmarks.Wallet;

/// <summary>
/// BIP32 derivation of one BIP86 receive key (m/86'/1'/0'/0/i, three hardened steps and two normal ones) and the
/// BIP39 seed (PBKDF2-HMAC-SHA512, 2,048 rounds): Antimony against NBitcoin's <c>ExtKey</c> and <c>Mnemonic</c>.
/// A wallet rescanning its gap limit derives tens of keys; opening it derives one seed.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class KeyDerivationBenchmarks
{
    private static readonly KeyPath Path = KeyPath.Parse("m/86'/1'/0'/0/7");
    private const string Phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private ExtendedPrivateKey _master = null!;
    private global::NBitcoin.ExtKey _nbitcoinMaster = null!;
    private readonly global::NBitcoin.KeyPath _nbitcoinPath = new("86'/1'/0'/0/7");

    /// <summary>Both libraries' master keys from the same seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        byte[] seed = Mnemonic.Parse(Phrase).ToSeed("TREZOR");
        _master = ExtendedPrivateKey.FromSeed(seed);
        _nbitcoinMaster = global::NBitcoin.ExtKey.CreateFromSeed(seed);
    }

    /// <summary>NBitcoin: derive the path from the master key.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("bip32")]
    public global::NBitcoin.ExtKey NBitcoinDerive() => _nbitcoinMaster.Derive(_nbitcoinPath);

    /// <summary>Antimony: derive the path from the master key.</summary>
    [Benchmark, BenchmarkCategory("bip32")]
    public ExtendedPrivateKey AntimonyDerive() => _master.Derive(Path);

    /// <summary>NBitcoin: mnemonic to seed.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("bip39")]
    public byte[] NBitcoinSeed() => new global::NBitcoin.Mnemonic(Phrase).DeriveSeed("TREZOR");

    /// <summary>Antimony: mnemonic to seed.</summary>
    [Benchmark, BenchmarkCategory("bip39")]
    public byte[] AntimonySeed() => Mnemonic.Parse(Phrase).ToSeed("TREZOR");
}
