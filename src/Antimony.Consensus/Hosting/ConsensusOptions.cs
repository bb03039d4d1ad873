using System.ComponentModel.DataAnnotations;

namespace Antimony.Consensus.Hosting;

/// <summary>Tunables of the consensus engine (configuration section <c>Antimony:Consensus</c>); none changes consensus.</summary>
public sealed class ConsensusOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "Antimony:Consensus";

    /// <summary>How many threads verify a block's signatures at once; defaults to the processor count.</summary>
    [Range(1, 1024)]
    public int SignatureVerificationParallelism { get; set; } = Environment.ProcessorCount;
}
