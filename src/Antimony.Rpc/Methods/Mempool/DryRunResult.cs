using Antimony.Primitives.Amounts;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>The outcome of <see cref="MempoolDryRun.Evaluate"/>: allowed, or the reject code; the fee once inputs were found.</summary>
internal readonly record struct DryRunResult(bool Allowed, string? RejectReason, Money? Fee)
{
    public static DryRunResult Reject(string reason, Money? fee = null) => new(false, reason, fee);
}
