using Antimony.Primitives.Networks;
using Antimony.Wallet.Accounts;
using Antimony.Wallet.Keys;
using Antimony.Wallet.Mnemonics;

namespace Antimony.Wallet.Tests.Keys;

/// <summary>NBitcoin as an independent oracle for random seeds and paths, beyond the fixed vectors.</summary>
public sealed class NBitcoinCrossCheckTests
{
    private static readonly Gen<uint[]> Paths = Gen.ListOf(Gen.Choose(0, 40).SelectMany(i => Gen.Elements((uint)i, (uint)i | KeyPath.HardenedBit)))
        .Select(l => l.Take(6).ToArray());

    [Property(MaxTest = 60)]
    public Property Derived_keys_match_NBitcoin()
    {
        var gen = from seed in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32) from path in Paths select (seed, path);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var path = new KeyPath(t.path);
            var ours = ExtendedPrivateKey.FromSeed(t.seed).Derive(path);
            var theirs = NBitcoin.ExtKey.CreateFromSeed(t.seed).Derive(NBitcoin.KeyPath.Parse(path.ToString()));
            return (ours.ToBase58(ExtendedKeyVersions.Main) == theirs.ToString(NBitcoin.Network.Main)).Label("xprv")
                .And((ours.ExtendedPublicKey.ToBase58(ExtendedKeyVersions.Main) == theirs.Neuter().ToString(NBitcoin.Network.Main)).Label("xpub"));
        });
    }

    [Property(MaxTest = 40)]
    public Property Mnemonic_words_and_seed_match_NBitcoin()
    {
        var gen = from words in Gen.Elements(12, 18, 24)
                  from entropy in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), words / 3 * 4)
                  from passphrase in Gen.Elements("", "TREZOR", "pässwörd")
                  select (entropy, passphrase);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var ours = Mnemonic.FromEntropy(t.entropy);
            var theirs = new NBitcoin.Mnemonic(NBitcoin.Wordlist.English, t.entropy);
            return (ours.Phrase == theirs.ToString()).Label("phrase")
                .And(ours.ToSeed(t.passphrase).AsSpan().SequenceEqual(theirs.DeriveSeed(t.passphrase))).Label("seed");
        });
    }

    [Property(MaxTest = 30)]
    public Property Bip86_addresses_match_NBitcoin_taproot_addresses()
    {
        var bitcoin = new Network("bitcoin", new NetworkMagic(0xD9B4BEF9), 8333, 8332, "bc");
        var gen = from seed in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 64) from index in Gen.Choose(0, 1000) select (seed, (uint)index);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var ours = TaprootAccount.FromSeed(t.seed, bitcoin, 0, CoinTypes.Bitcoin).GetReceiveKey(t.Item2).Address.ToString();
            var key = NBitcoin.ExtKey.CreateFromSeed(t.seed).Derive(NBitcoin.KeyPath.Parse($"m/86'/0'/0'/0/{t.Item2}"));
            var theirs = key.GetPublicKey().GetAddress(NBitcoin.ScriptPubKeyType.TaprootBIP86, NBitcoin.Network.Main).ToString();
            return ours == theirs;
        });
    }
}
