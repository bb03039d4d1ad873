using System.Collections.Immutable;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>The outcome of offering a transaction to the <see cref="TransactionPool"/>.</summary>
/// <remarks>Compare <see cref="Code"/>, never <see cref="Detail"/>; codes are stable.</remarks>
public sealed record MempoolAcceptResult
{
    private MempoolAcceptResult(Txid txid, MempoolAcceptStatus status, string? code, string? detail, bool consensus, Money fee, ImmutableArray<Txid> replaced)
    {
        Txid = txid;
        Status = status;
        Code = code;
        Detail = detail;
        IsConsensusViolation = consensus;
        Fee = fee;
        Replaced = replaced.IsDefault ? [] : replaced;
    }

    /// <summary>The offered transaction's id.</summary>
    public Txid Txid { get; }

    /// <summary>What happened.</summary>
    public MempoolAcceptStatus Status { get; }

    /// <summary>Whether the transaction is now pooled.</summary>
    public bool IsAccepted => Status == MempoolAcceptStatus.Accepted;

    /// <summary>The reject code (<see cref="MempoolRejectCodes"/> or a consensus rule's); <see langword="null"/> when accepted.</summary>
    public string? Code { get; }

    /// <summary>Human-readable detail for logs.</summary>
    public string? Detail { get; }

    /// <summary>
    /// Whether the transaction breaks a consensus rule (not merely this node's policy): a peer that relayed
    /// it misbehaved.
    /// </summary>
    public bool IsConsensusViolation { get; }

    /// <summary>The transaction's fee, when its inputs were resolved (zero otherwise).</summary>
    public Money Fee { get; }

    /// <summary>The transactions this one replaced (directly conflicting ones and their descendants).</summary>
    public ImmutableArray<Txid> Replaced { get; }

    /// <summary>The offered transaction's witness id (what <c>testmempoolaccept</c> reports next to the txid).</summary>
    public Wtxid Wtxid { get; private init; }

    /// <summary>The offered transaction's virtual size (BIP141), which the fee rate limits were judged against.</summary>
    public int VirtualSize { get; private init; }

    /// <summary>This result with the transaction's own identifiers and size, which every public entry point reports.</summary>
    internal MempoolAcceptResult Describing(Transaction transaction) =>
        this with { Wtxid = transaction.Wtxid, VirtualSize = transaction.VirtualSize };

    internal static MempoolAcceptResult Accepted(Txid txid, Money fee, ImmutableArray<Txid> replaced) =>
        new(txid, MempoolAcceptStatus.Accepted, null, null, false, fee, replaced);

    internal static MempoolAcceptResult Orphaned(Txid txid, string? detail) =>
        new(txid, MempoolAcceptStatus.Orphaned, MempoolRejectCodes.MissingInputs, detail, false, Money.Zero, default);

    internal static MempoolAcceptResult Rejected(Txid txid, string code, string? detail, Money fee = default) =>
        new(txid, MempoolAcceptStatus.Rejected, code, detail, false, fee, default);

    internal static MempoolAcceptResult Invalid(Txid txid, string code, string? detail) =>
        new(txid, MempoolAcceptStatus.Rejected, code, detail, true, Money.Zero, default);

    /// <summary>"accepted", or the status and code.</summary>
    public override string ToString() => Status == MempoolAcceptStatus.Accepted ? $"{Txid} accepted" : $"{Txid} {Status}: {Code} {Detail}";
}
