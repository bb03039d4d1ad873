namespace Antimony.Consensus.Chain;

/// <summary>What the node knows about a header in its tree.</summary>
[Flags]
public enum BlockStatus
{
    /// <summary>Nothing beyond the header having passed the header rules.</summary>
    None = 0,

    /// <summary>The full block passed the context-free and structural rules and is in the block store.</summary>
    HasData = 1,

    /// <summary>The block failed a consensus rule itself.</summary>
    Invalid = 2,

    /// <summary>An ancestor of the block is invalid, so the block is too.</summary>
    InvalidAncestor = 4,

    /// <summary>Either kind of invalidity: the block is never retried.</summary>
    AnyInvalid = Invalid | InvalidAncestor,
}
