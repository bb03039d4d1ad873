namespace Antimony.Consensus.Mempool;

/// <summary>What <see cref="TransactionPool.Accept"/> did with a transaction.</summary>
public enum MempoolAcceptStatus
{
    /// <summary>The transaction is in the pool (possibly replacing others).</summary>
    Accepted = 0,

    /// <summary>
    /// Some inputs are unknown, so it waits in the orphan pool for its parents (the code is
    /// <see cref="MempoolRejectCodes.MissingInputs"/>).
    /// </summary>
    Orphaned = 1,

    /// <summary>The transaction was refused; <see cref="MempoolAcceptResult.Code"/> says why and the pool is unchanged.</summary>
    Rejected = 2,
}
