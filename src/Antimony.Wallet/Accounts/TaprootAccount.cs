using Antimony.Primitives.Networks;
using Antimony.Wallet.Keys;

namespace Antimony.Wallet.Accounts;

/// <summary>
/// A BIP86 single-key taproot account, m/86'/coin'/account': receive keys on chain 0, change keys on chain 1,
/// each paid by a P2TR output whose key is the BIP341 tweak of the derived key with no script tree.
/// </summary>
/// <example>
/// <code>
/// var account = TaprootAccount.FromSeed(Mnemonic.Parse(phrase).ToSeed(), Network.Devnet);
/// SegwitAddress first = account.GetReceiveKey(0).Address;   // ratmn1p...
/// </code>
/// </example>
public sealed class TaprootAccount
{
    /// <summary>BIP86's purpose level.</summary>
    public const uint Purpose = 86;

    /// <summary>The chain of receive addresses.</summary>
    public const uint ReceiveChain = 0;

    /// <summary>The chain of change addresses.</summary>
    public const uint ChangeChain = 1;

    private readonly ExtendedPrivateKey? _accountKey;
    private readonly ExtendedPublicKey _accountPublicKey;
    private readonly ExtendedPrivateKey?[] _chainKeys = new ExtendedPrivateKey?[2];

    private TaprootAccount(Network network, uint coinType, uint account, ExtendedPrivateKey? accountKey, ExtendedPublicKey accountPublicKey)
    {
        Network = network;
        CoinType = coinType;
        Account = account;
        Path = new KeyPath(KeyPath.Harden(Purpose), KeyPath.Harden(coinType), KeyPath.Harden(account));
        _accountKey = accountKey;
        _accountPublicKey = accountPublicKey;
    }

    /// <summary>The network whose HRP the addresses carry.</summary>
    public Network Network { get; }

    /// <summary>The coin type level (see <see cref="CoinTypes"/>).</summary>
    public uint CoinType { get; }

    /// <summary>The account index.</summary>
    public uint Account { get; }

    /// <summary>The account's path, m/86'/coin'/account'.</summary>
    public KeyPath Path { get; }

    /// <summary>Whether the account holds secrets (false for one made from an xpub).</summary>
    public bool CanSign => _accountKey is not null;

    /// <summary>The account's extended public key (what a watch-only copy needs).</summary>
    public ExtendedPublicKey ExtendedPublicKey => _accountPublicKey;

    /// <summary>The account of <paramref name="master"/> for <paramref name="network"/>; <paramref name="coinType"/> defaults to <see cref="CoinTypes.For"/>.</summary>
    public static TaprootAccount FromMasterKey(ExtendedPrivateKey master, Network network, uint account = 0, uint? coinType = null)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(network);
        uint coin = coinType ?? CoinTypes.For(network);
        var key = master.Derive(new KeyPath(KeyPath.Harden(Purpose), KeyPath.Harden(coin), KeyPath.Harden(account)));
        return new TaprootAccount(network, coin, account, key, key.ExtendedPublicKey);
    }

    /// <summary>The account of the BIP32 master made from <paramref name="seed"/> (e.g. a BIP39 seed).</summary>
    public static TaprootAccount FromSeed(ReadOnlySpan<byte> seed, Network network, uint account = 0, uint? coinType = null) =>
        FromMasterKey(ExtendedPrivateKey.FromSeed(seed), network, account, coinType);

    /// <summary>A watch-only account from its extended public key (addresses only, no signing).</summary>
    public static TaprootAccount FromExtendedPublicKey(ExtendedPublicKey accountKey, Network network, uint account = 0, uint? coinType = null)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        ArgumentNullException.ThrowIfNull(network);
        return new TaprootAccount(network, coinType ?? CoinTypes.For(network), account, null, accountKey);
    }

    /// <summary>The key at m/86'/coin'/account'/<paramref name="chain"/>/<paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hardened <paramref name="chain"/> or <paramref name="index"/>.</exception>
    public TaprootAddressKey GetKey(uint chain, uint index)
    {
        if (KeyPath.IsHardened(chain))
            throw new ArgumentOutOfRangeException(nameof(chain), chain, "BIP86 chains are not hardened.");
        if (KeyPath.IsHardened(index))
            throw new ArgumentOutOfRangeException(nameof(index), index, "BIP86 address indexes are not hardened.");
        var path = Path.Append(chain).Append(index);
        if (_accountKey is not null)
        {
            var key = ChainKey(chain).Derive(index).Key;
            return new TaprootAddressKey(path, key, key.XOnlyPublicKey, Network.Bech32Hrp);
        }
        var publicKey = _accountPublicKey.Derive(chain).Derive(index).Key;
        return new TaprootAddressKey(path, null, publicKey.XOnly, Network.Bech32Hrp);
    }

    private ExtendedPrivateKey ChainKey(uint chain)
    {
        // The two BIP44 chains are derived once; every address below them costs one derivation.
        if (chain > ChangeChain)
            return _accountKey!.Derive(chain);
        return _chainKeys[chain] ??= _accountKey!.Derive(chain);
    }

    /// <summary>Receive key <paramref name="index"/> (chain 0).</summary>
    public TaprootAddressKey GetReceiveKey(uint index) => GetKey(ReceiveChain, index);

    /// <summary>Change key <paramref name="index"/> (chain 1).</summary>
    public TaprootAddressKey GetChangeKey(uint index) => GetKey(ChangeChain, index);

    /// <inheritdoc />
    public override string ToString() => $"TaprootAccount({Path}, {Network.Name})";
}
