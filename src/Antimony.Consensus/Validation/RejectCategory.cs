namespace Antimony.Consensus.Validation;

/// <summary>
/// What a rejection means for the rejected object, so a node knows whether to remember it as invalid.
/// </summary>
public enum RejectCategory
{
    /// <summary>The object breaks a consensus rule: it and everything built on it are invalid forever.</summary>
    Invalid = 1,

    /// <summary>
    /// The block's body does not match its header (merkle root, duplicated transactions, witness data).
    /// A peer may have corrupted an otherwise valid block, so the header is not marked invalid and the
    /// block may be fetched again.
    /// </summary>
    Mutated = 2,

    /// <summary>The object may become valid later (a header time too far in the future).</summary>
    Premature = 3,

    /// <summary>The object refers to something this node does not have yet (an unknown previous block).</summary>
    MissingContext = 4,
}
