namespace Antimony.Mining.Hosting;

/// <summary>The miner's settings (configuration section <c>Antimony:Mining</c>), validated at start-up.</summary>
public sealed class MiningOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Antimony:Mining";

    /// <summary>The highest coinbase tag length: with the height and extra-nonce pushes the script stays well under 100 bytes.</summary>
    public const int MaxCoinbaseTagLength = 64;

    /// <summary>The address paid by mined coinbases: a P2WPKH or P2TR bech32/bech32m address of the node's network. Required.</summary>
    public string? Address { get; set; }

    /// <summary>How many threads search nonces; from 1 to four times the processor count.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Whether the miner starts with the host; otherwise it waits for <see cref="Service.MinerService.StartMining"/>.</summary>
    public bool StartOnLaunch { get; set; } = true;

    /// <summary>The header version of mined blocks (BIP9's top bits by default); at least the network's minimum.</summary>
    public int BlockVersion { get; set; } = 0x20000000;

    /// <summary>A lower block weight limit for templates than the network's (Bitcoin Core's <c>-blockmaxweight</c>); <see langword="null"/> for the network's.</summary>
    public int? MaxBlockWeight { get; set; }

    /// <summary>ASCII text pushed in the coinbase script after the extra-nonce; empty for none.</summary>
    public string? CoinbaseTag { get; set; } = "/Antimony/";

    /// <summary>
    /// How often the miner asks whether new fees justify a new template, and the youngest a template may be
    /// when it is replaced for fees (a new tip replaces it at once).
    /// </summary>
    public TimeSpan TemplateRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The fees (atoms) that must arrive in the mempool after a template is built before it is replaced.</summary>
    public long TemplateRefreshFeeThreshold { get; set; } = 1_000;
}
