using Antimony.Consensus.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Antimony.Consensus.Storage;

/// <summary>Registration of the transaction index.</summary>
public static class TransactionIndexBuilderExtensions
{
    /// <summary>
    /// Makes the chain state store (in-memory or RocksDB) index the block of every confirmed transaction and
    /// registers it as <see cref="ITransactionIndex"/>; the RPC's <c>getrawtransaction</c> then finds confirmed
    /// transactions without their block hash. The store must support indexing (both built-in stores do).
    /// </summary>
    public static IAntimonyBuilder AddTransactionIndex(this IAntimonyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TransactionIndexOptions>().Configure(o => o.Enabled = true);
        builder.Services.TryAddSingleton<ITransactionIndex>(provider =>
            provider.GetRequiredService<IChainStateStore>() as ITransactionIndex
            ?? throw new InvalidOperationException($"The registered {nameof(IChainStateStore)} keeps no transaction index."));
        return builder;
    }
}
