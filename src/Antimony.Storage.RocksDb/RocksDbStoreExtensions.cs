using System.Diagnostics.Metrics;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antimony.Storage.RocksDb;

/// <summary>Registers the RocksDB store as a node's <see cref="IBlockStore"/> and <see cref="IChainStateStore"/>.</summary>
public static class RocksDbStoreExtensions
{
    /// <summary>
    /// Keeps the node's blocks and chain state in a RocksDB store in <paramref name="dataDirectory"/> (see
    /// <see cref="AddRocksDbStore(IServiceCollection, string, Action{RocksDbStoreOptions}?)"/>).
    /// </summary>
    /// <param name="builder">The node being composed (from <c>services.AddAntimony(...)</c>).</param>
    /// <param name="dataDirectory">The database directory.</param>
    /// <param name="configure">Further settings.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IAntimonyBuilder AddRocksDbStore(this IAntimonyBuilder builder, string dataDirectory, Action<RocksDbStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRocksDbStore(dataDirectory, configure);
        return builder;
    }

    /// <summary>
    /// Registers one <see cref="RocksDbStore"/> in <paramref name="dataDirectory"/> (opened on first use,
    /// flushed and closed with the container) and makes its stores the <see cref="IBlockStore"/> and
    /// <see cref="IChainStateStore"/>, replacing earlier registrations (e.g. the in-memory ones); the store
    /// itself is added with TryAdd, so calling this twice keeps one. The options are validated when the host
    /// starts (writable directory, positive cache budget).
    /// </summary>
    /// <param name="services">The container (for tools that use the stores without the consensus engine).</param>
    /// <param name="dataDirectory">The database directory.</param>
    /// <param name="configure">Further settings.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddRocksDbStore(this IServiceCollection services, string dataDirectory, Action<RocksDbStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddOptions<RocksDbStoreOptions>()
            .Configure(options =>
            {
                options.DataDirectory = dataDirectory;
                configure?.Invoke(options);
            })
            .Configure<IOptions<TransactionIndexOptions>>((options, index) => options.IndexTransactions |= index.Value.Enabled)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RocksDbStoreOptions>, RocksDbStoreOptionsValidator>());
        services.TryAddSingleton(provider => RocksDbStore.Open(
            provider.GetRequiredService<IOptions<RocksDbStoreOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IMeterFactory>()));
        services.Replace(ServiceDescriptor.Singleton<IBlockStore>(provider => provider.GetRequiredService<RocksDbStore>().Blocks));
        services.Replace(ServiceDescriptor.Singleton<IChainStateStore>(provider => provider.GetRequiredService<RocksDbStore>().ChainState));
        return services;
    }
}
