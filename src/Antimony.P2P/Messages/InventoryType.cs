namespace Antimony.P2P.Messages;

/// <summary>
/// The kind of object an inventory vector names; Bitcoin's values. Decoding accepts any value (Bitcoin Core
/// ignores unknown kinds), so this enum is open.
/// </summary>
public enum InventoryType : uint
{
    /// <summary>Unused, "any data of no interest".</summary>
    Error = 0,

    /// <summary>A transaction by txid.</summary>
    Tx = 1,

    /// <summary>A block by hash.</summary>
    Block = 2,

    /// <summary>A BIP37 filtered block (unused by Antimony).</summary>
    FilteredBlock = 3,

    /// <summary>A BIP152 compact block.</summary>
    CompactBlock = 4,

    /// <summary>A transaction by wtxid (BIP339).</summary>
    Wtx = 5,

    /// <summary>A transaction by txid, asked for with its witness (BIP144).</summary>
    WitnessTx = 0x4000_0001,

    /// <summary>A block, asked for with witnesses (BIP144).</summary>
    WitnessBlock = 0x4000_0002,
}
