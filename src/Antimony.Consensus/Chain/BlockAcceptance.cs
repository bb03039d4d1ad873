namespace Antimony.Consensus.Chain;

/// <summary>What processing a block did.</summary>
public enum BlockAcceptance
{
    /// <summary>The block is valid and on the active chain now.</summary>
    Active = 0,

    /// <summary>The block passed the checks that do not need its chain's coins and is stored on a side chain with less work.</summary>
    SideChain = 1,

    /// <summary>The block was already stored; nothing changed.</summary>
    AlreadyKnown = 2,

    /// <summary>The block was rejected; see the result's reason.</summary>
    Rejected = 3,
}
