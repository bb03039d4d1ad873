namespace Antimony.Primitives.Blocks;

/// <summary>
/// The outcome of checking a block's BIP141 witness commitment (<see cref="WitnessCommitment.Check(Block)"/>),
/// one value per rule so callers map each to its own rejection reason.
/// </summary>
public enum WitnessCommitmentStatus
{
    /// <summary>The coinbase commits to the witness root and the commitment matches.</summary>
    Valid,

    /// <summary>No commitment, and no transaction has witness data, so none is needed.</summary>
    NotRequired,

    /// <summary>A transaction has witness data but the coinbase has no commitment (Bitcoin Core: <c>unexpected-witness</c>).</summary>
    Missing,

    /// <summary>The coinbase's witness is not exactly one 32-byte item, the reserved value (<c>bad-witness-nonce-size</c>).</summary>
    BadReservedValue,

    /// <summary>The committed hash differs from the one computed from the block (<c>bad-witness-merkle-match</c>).</summary>
    Mismatch,

    /// <summary>The block has no transactions, so there is no coinbase to hold a commitment.</summary>
    NoCoinbase,
}
