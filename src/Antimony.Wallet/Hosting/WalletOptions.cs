namespace Antimony.Wallet.Hosting;

/// <summary>
/// Settings of the node's wallet (configuration section <c>Antimony:Wallet</c>, e.g. <c>ANTIMONY_WALLET__PATH</c>),
/// validated when the host starts.
/// </summary>
public sealed class WalletOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Antimony:Wallet";

    /// <summary>
    /// The wallet's directory (required; the node uses <c>&lt;datadir&gt;/wallet</c>): it holds <c>wallet.key</c>
    /// (the encrypted seed), <c>wallet.state.json</c> (scanned height and transactions) and, without a
    /// <see cref="Passphrase"/>, <c>wallet.passphrase</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// The key file's passphrase. When unset, the wallet generates a random one and stores it in
    /// <c>wallet.passphrase</c> (mode 0600) next to the key file, logging a warning: the seed is then only as
    /// safe as the directory, but the file format stays the same and the passphrase file can be moved off the
    /// machine and supplied here later.
    /// </summary>
    public string? Passphrase { get; set; }

    /// <summary>The BIP86 account index (m/86'/coin'/account').</summary>
    public int Account { get; set; }

    /// <summary>How many unused addresses past the last used one are watched on each chain (BIP44's gap limit).</summary>
    public int AddressLookahead { get; set; } = 20;

    /// <summary>The fee rate of sends that name none, in atoms per virtual byte (raised to the mempool's minimum when lower).</summary>
    public long FeeRateAtomsPerVirtualByte { get; set; } = 2;
}
