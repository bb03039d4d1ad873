namespace Antimony.Consensus.Difficulty;

/// <summary>How a network retargets.</summary>
public enum DifficultyAdjustment
{
    /// <summary>zawy12's LWMA-1: every block, over the last <c>LwmaWindow</c> solve times.</summary>
    Lwma1 = 0,

    /// <summary>No retarget: every block at the proof-of-work limit (regtest).</summary>
    None = 1,
}
