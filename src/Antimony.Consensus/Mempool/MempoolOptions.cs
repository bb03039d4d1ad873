using Antimony.Consensus.OutputTypes;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// The mempool's policy (configuration section <c>Antimony:Mempool</c>). None of it is consensus: a block may
/// hold transactions this policy refuses. Defaults follow Bitcoin Core's where Core has one; they are checked
/// on start by <see cref="MempoolOptionsValidator"/>.
/// </summary>
public sealed class MempoolOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Antimony:Mempool";

    /// <summary>
    /// The cap on the serialized size of all pooled transactions (Core's <c>-maxmempool</c>, 300 MB, measures
    /// memory instead). Above it the lowest descendant-fee-rate packages are evicted.
    /// </summary>
    public long MaxSizeBytes { get; set; } = 300_000_000;

    /// <summary>The lowest fee rate relayed and pooled (1 atom/vB, Core's default before v29.1).</summary>
    public FeeRate MinRelayFeeRate { get; set; } = new(1_000);

    /// <summary>
    /// What a replacement must pay on top of what it replaces, per its own size, and what the rolling minimum
    /// rises by above an evicted package's rate (Core's <c>-incrementalrelayfee</c>).
    /// </summary>
    public FeeRate IncrementalRelayFeeRate { get; set; } = new(1_000);

    /// <summary>
    /// An output worth less than spending it costs at this rate is dust and non-standard (Core's
    /// <c>-dustrelayfee</c>, 3 atom/vB: 294 atoms for P2WPKH, 330 for P2TR). Zero turns the rule off.
    /// </summary>
    public FeeRate DustRelayFeeRate { get; set; } = new(3_000);

    /// <summary>The heaviest standard transaction (Core's <c>MAX_STANDARD_TX_WEIGHT</c>, 400,000).</summary>
    public int MaxTransactionWeight { get; set; } = 400_000;

    /// <summary>
    /// The smallest standard size without witness (Core's 65 bytes): a 64-byte transaction could pass for an
    /// inner merkle node (CVE-2017-12842).
    /// </summary>
    public int MinTransactionBaseSize { get; set; } = 65;

    /// <summary>The highest standard transaction version (2; Core's v3 "TRUC" policy is not implemented).</summary>
    public int MaxStandardVersion { get; set; } = 2;

    /// <summary>
    /// The output types relayed. Defaults to the three of PROTOCOL.md; a bespoke network's extra consensus
    /// types stay non-standard until listed here.
    /// </summary>
    public ISet<OutputTypeId> StandardOutputTypes { get; } =
        new HashSet<OutputTypeId> { OutputTypeId.TaprootKeyPath, OutputTypeId.WitnessV0KeyHash, OutputTypeId.Data };

    /// <summary>The most in-pool ancestors a transaction may have, itself included (Core's 25).</summary>
    public int MaxAncestorCount { get; set; } = 25;

    /// <summary>The largest virtual size of a transaction and its in-pool ancestors (Core's 101,000 vB).</summary>
    public long MaxAncestorVirtualSize { get; set; } = 101_000;

    /// <summary>The most in-pool descendants a transaction may have, itself included (Core's 25).</summary>
    public int MaxDescendantCount { get; set; } = 25;

    /// <summary>The largest virtual size of a transaction and its in-pool descendants (Core's 101,000 vB).</summary>
    public long MaxDescendantVirtualSize { get; set; } = 101_000;

    /// <summary>The most transactions one replacement may evict, descendants included (Core's 100).</summary>
    public int MaxReplacementEvictions { get; set; } = 100;

    /// <summary>The most transactions held while their parents are missing (Core's 100).</summary>
    public int MaxOrphanCount { get; set; } = 100;

    /// <summary>The cap on the orphans' total serialized size.</summary>
    public long MaxOrphanBytes { get; set; } = 5_000_000;

    /// <summary>How long an orphan waits for its parents (Core's 20 minutes).</summary>
    public TimeSpan OrphanExpiry { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a transaction may stay unconfirmed before it is dropped (Core's two weeks).</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The half-life of the rolling minimum fee raised by evictions (Core's 12 hours); it decays only after a
    /// block arrived since the last eviction, faster while the pool is under half or a quarter full.
    /// </summary>
    public TimeSpan RollingFeeHalfLife { get; set; } = TimeSpan.FromHours(12);
}
