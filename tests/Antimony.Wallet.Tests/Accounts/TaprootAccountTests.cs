using Antimony.Primitives.Networks;
using Antimony.Wallet.Accounts;
using Antimony.Wallet.Keys;
using Antimony.Wallet.Mnemonics;

namespace Antimony.Wallet.Tests.Accounts;

public sealed class TaprootAccountTests
{
    // BIP86's vectors are for Bitcoin: coin type 0 and HRP "bc"; the account takes both as parameters.
    private static readonly Network Bitcoin = new("bitcoin", new NetworkMagic(0xD9B4BEF9), 8333, 8332, "bc");
    private const string Phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    private static TaprootAccount VectorAccount() =>
        TaprootAccount.FromSeed(Mnemonic.Parse(Phrase).ToSeed(), Bitcoin, account: 0, coinType: CoinTypes.Bitcoin);

    [Fact]
    public void Root_and_account_keys_match_BIP86()
    {
        var root = ExtendedPrivateKey.FromSeed(Mnemonic.Parse(Phrase).ToSeed());
        Assert.Equal("xprv9s21ZrQH143K3GJpoapnV8SFfukcVBSfeCficPSGfubmSFDxo1kuHnLisriDvSnRRuL2Qrg5ggqHKNVpxR86QEC8w35uxmGoggxtQTPvfUu", root.ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal("xpub661MyMwAqRbcFkPHucMnrGNzDwb6teAX1RbKQmqtEF8kK3Z7LZ59qafCjB9eCRLiTVG3uxBxgKvRgbubRhqSKXnGGb1aoaqLrpMBDrVxga8", root.ExtendedPublicKey.ToBase58(ExtendedKeyVersions.Main));
        var account = VectorAccount();
        Assert.Equal("m/86'/0'/0'", account.Path.ToString());
        Assert.Equal("xpub6BgBgsespWvERF3LHQu6CnqdvfEvtMcQjYrcRzx53QJjSxarj2afYWcLteoGVky7D3UKDP9QyrLprQ3VCECoY49yfdDEHGCtMMj92pReUsQ", account.ExtendedPublicKey.ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal("xprv9xgqHN7yz9MwCkxsBPN5qetuNdQSUttZNKw1dcYTV4mkaAFiBVGQziHs3NRSWMkCzvgjEe3n9xV8oYywvM8at9yRqyaZVz6TYYhX98VjsUk",
            root.Derive(account.Path).ToBase58(ExtendedKeyVersions.Main));
    }

    [Theory]
    [InlineData(0u, 0u, "cc8a4bc64d897bddc5fbc2f670f7a8ba0b386779106cf1223c6fc5d7cd6fc115", "a60869f0dbcf1dc659c9cecbaf8050135ea9e8cdc487053f1dc6880949dc684c", "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr")]
    [InlineData(0u, 1u, "83dfe85a3151d2517290da461fe2815591ef69f2b18a2ce63f01697a8b313145", "a82f29944d65b86ae6b5e5cc75e294ead6c59391a1edc5e016e3498c67fc7bbb", "bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh")]
    [InlineData(1u, 0u, "399f1b2f4393f29a18c937859c5dd8a77350103157eb880f02e8c08214277cef", "882d74e5d0572d5a816cef0041a96b6c1de832f6f9676d9605c44d5e9a97d3dc", "bc1p3qkhfews2uk44qtvauqyr2ttdsw7svhkl9nkm9s9c3x4ax5h60wqwruhk7")]
    public void Address_keys_match_BIP86(uint chain, uint index, string internalKey, string outputKey, string address)
    {
        var key = VectorAccount().GetKey(chain, index);
        Assert.Equal(internalKey, key.InternalKey.ToString());
        Assert.Equal(outputKey, key.OutputKey.Key.ToString());
        Assert.Equal("5120" + outputKey, Convert.ToHexStringLower(key.ScriptPubKey.Script.Span));
        Assert.Equal(address, key.Address.ToString());
        Assert.Equal($"m/86'/0'/0'/{chain}/{index}", key.Path.ToString());
    }

    [Fact]
    public void First_receive_key_matches_the_BIP86_xprv()
    {
        var root = ExtendedPrivateKey.FromSeed(Mnemonic.Parse(Phrase).ToSeed());
        var key = root.Derive(KeyPath.Parse("m/86'/0'/0'/0/0"));
        Assert.Equal("xprvA449goEeU9okwCzzZaxiy475EQGQzBkc65su82nXEvcwzfSskb2hAt2WymrjyRL6kpbVTGL3cKtp9herYXSjjQ1j4stsXXiRF7kXkCacK3T", key.ToBase58(ExtendedKeyVersions.Main));
        Assert.Equal(key.Key.XOnlyPublicKey, VectorAccount().GetReceiveKey(0).PrivateKey!.XOnlyPublicKey);
    }

    [Fact]
    public void Antimony_networks_use_their_coin_type_and_HRP()
    {
        var seed = Mnemonic.Parse(Phrase).ToSeed();
        var devnet = TaprootAccount.FromSeed(seed, Network.Devnet);
        Assert.Equal("m/86'/1'/0'", devnet.Path.ToString());
        Assert.StartsWith("ratmn1p", devnet.GetReceiveKey(0).Address.ToString(), StringComparison.Ordinal);
        var mainnet = TaprootAccount.FromSeed(seed, Network.Mainnet);
        Assert.Equal($"m/86'/{CoinTypes.AntimonyMainnet}'/0'", mainnet.Path.ToString());
        Assert.StartsWith("atmn1p", mainnet.GetReceiveKey(0).Address.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(devnet.GetReceiveKey(0).InternalKey, mainnet.GetReceiveKey(0).InternalKey);
    }

    [Fact]
    public void Watch_only_account_derives_the_same_addresses_without_secrets()
    {
        var full = VectorAccount();
        var watch = TaprootAccount.FromExtendedPublicKey(full.ExtendedPublicKey, Bitcoin, 0, CoinTypes.Bitcoin);
        Assert.False(watch.CanSign);
        Assert.Null(watch.GetReceiveKey(5).PrivateKey);
        Assert.Equal(full.GetReceiveKey(5).Address, watch.GetReceiveKey(5).Address);
        Assert.Equal(full.GetChangeKey(3).Address, watch.GetChangeKey(3).Address);
    }
}
