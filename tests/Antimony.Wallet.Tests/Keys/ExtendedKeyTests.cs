using Antimony.Primitives.Serialization;
using Antimony.Wallet.Keys;

namespace Antimony.Wallet.Tests.Keys;

public sealed class ExtendedKeyTests
{
    public static TheoryData<int, int> Steps()
    {
        var data = new TheoryData<int, int>();
        for (int v = 0; v < Bip32Vectors.Valid.Length; v++)
        {
            for (int s = 0; s < Bip32Vectors.Valid[v].Chain.Length; s++)
                data.Add(v + 1, s);
        }
        return data;
    }

    public static TheoryData<int> InvalidIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Bip32Vectors.Invalid.Length; i++)
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Vector_chain_derives_the_official_xprv_and_xpub(int vector, int step)
    {
        var (seed, chain) = Bip32Vectors.Valid[vector - 1];
        var (path, xpub, xprv) = chain[step];
        var key = ExtendedPrivateKey.FromSeed(Convert.FromHexString(seed)).Derive(new KeyPath(path));
        Assert.Equal(xprv, key.ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal(xpub, key.ExtendedPublicKey.ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal(path.Length, key.Depth);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Vector_keys_parse_and_serialise_back(int vector, int step)
    {
        var (_, xpub, xprv) = Bip32Vectors.Valid[vector - 1].Chain[step];
        Assert.Equal(xprv, ExtendedPrivateKey.Parse(xprv).ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal(xpub, ExtendedPublicKey.Parse(xpub).ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal(ExtendedPublicKey.Parse(xpub), ExtendedPrivateKey.Parse(xprv).ExtendedPublicKey);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Public_derivation_of_non_hardened_steps_matches_the_vector(int vector, int step)
    {
        var (_, chain) = Bip32Vectors.Valid[vector - 1];
        var (path, xpub, _) = chain[step];
        if (step == 0 || KeyPath.IsHardened(path[^1]))
            return; // CKDpub cannot derive hardened children
        var parent = ExtendedPublicKey.Parse(chain[step - 1].Xpub);
        Assert.Equal(xpub, parent.Derive(path[^1]).ToBase58(ExtendedKeyVersions.Main));
    }

    [Theory]
    [MemberData(nameof(InvalidIndexes))]
    public void Vector_5_keys_are_refused_by_both_parsers(int index)
    {
        var (key, reason) = Bip32Vectors.Invalid[index];
        Assert.False(ExtendedPrivateKey.TryParse(key, out _), reason);
        Assert.False(ExtendedPublicKey.TryParse(key, out _), reason);
        var e = Assert.ThrowsAny<DecodeException>(() => key.StartsWith("xpub", StringComparison.Ordinal) ? (object)ExtendedPublicKey.Parse(key) : ExtendedPrivateKey.Parse(key));
        Assert.NotEqual(DecodeError.None, e.Error);
    }

    [Fact]
    public void Fingerprints_chain_parent_to_child()
    {
        var master = ExtendedPrivateKey.FromSeed(Convert.FromHexString(Bip32Vectors.Valid[0].Seed));
        // BIP32 vector 1: the master's identifier starts 3442193e.
        Assert.Equal(0x3442193eu, master.Fingerprint);
        var child = master.Derive(KeyPath.Harden(0));
        Assert.Equal(master.Fingerprint, child.ParentFingerprint);
        Assert.Equal(KeyPath.Harden(0), child.ChildNumber);
    }

    [Fact]
    public void Hardened_public_derivation_is_refused_and_private_keys_hide_in_ToString()
    {
        var master = ExtendedPrivateKey.FromSeed(new byte[16]);
        Assert.Throws<InvalidOperationException>(() => master.ExtendedPublicKey.Derive(KeyPath.Harden(1)));
        Assert.DoesNotContain("xprv", master.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ExtendedPrivateKey.FromSeed(new byte[15]));
    }

    [Property]
    public Property Public_and_private_derivation_agree_on_non_hardened_children()
    {
        var gen = from seed in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32)
                  from index in Gen.Choose(0, int.MaxValue)
                  select (seed, (uint)index);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var master = ExtendedPrivateKey.FromSeed(t.seed);
            return master.Derive(t.Item2).ExtendedPublicKey.Equals(master.ExtendedPublicKey.Derive(t.Item2));
        });
    }

    [Property(MaxTest = 50)]
    public Property Testnet_serialisation_round_trips()
    {
        return Prop.ForAll(Arb.From(Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 64)), seed =>
        {
            var key = ExtendedPrivateKey.FromSeed(seed).Derive(KeyPath.Parse("m/86'/1'/0'"));
            string tprv = key.ToBase58(ExtendedKeyVersions.Test);
            string tpub = key.ExtendedPublicKey.ToBase58(ExtendedKeyVersions.Test);
            return tprv.StartsWith("tprv", StringComparison.Ordinal) && tpub.StartsWith("tpub", StringComparison.Ordinal)
                && ExtendedPrivateKey.Parse(tprv).ToBase58(ExtendedKeyVersions.Test) == tprv
                && ExtendedPublicKey.Parse(tpub).Equals(key.ExtendedPublicKey);
        });
    }
}
