namespace Antimony.Consensus.Storage;

/// <summary>Whether the chain state store keeps a <see cref="ITransactionIndex"/> (off by default, as in Core: it costs disk and write time).</summary>
public sealed class TransactionIndexOptions
{
    /// <summary>Keep the index; set by <see cref="TransactionIndexBuilderExtensions.AddTransactionIndex"/>.</summary>
    public bool Enabled { get; set; }
}
