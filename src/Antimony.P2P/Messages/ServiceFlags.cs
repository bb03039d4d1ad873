namespace Antimony.P2P.Messages;

/// <summary>Services a node advertises in version and addr messages; Bitcoin's bit assignments.</summary>
[Flags]
public enum ServiceFlags : ulong
{
    /// <summary>No services.</summary>
    None = 0,

    /// <summary>Serves the full block chain.</summary>
    NodeNetwork = 1,

    /// <summary>BIP64's getutxo (unused by Antimony; kept so the bit is not reused).</summary>
    NodeGetUtxo = 1 << 1,

    /// <summary>BIP111 bloom filters (unused by Antimony).</summary>
    NodeBloom = 1 << 2,

    /// <summary>Serves witness data (BIP144).</summary>
    NodeWitness = 1 << 3,

    /// <summary>BIP157 compact filters.</summary>
    NodeCompactFilters = 1 << 6,

    /// <summary>Serves only the last 288 blocks (BIP159).</summary>
    NodeNetworkLimited = 1 << 10,

    /// <summary>BIP324 encrypted transport.</summary>
    NodeP2PV2 = 1 << 11,
}
