using Antimony.Consensus.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;

namespace Antimony.Storage.RocksDb;

/// <summary>Registers the RocksDB store as a node's <see cref="IBlockStore"/> and <see cref="IChainStateStore"/>.</summary>
public static class RocksDbStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="RocksDbStore"/> in <paramref name="dataDirectory"/> (opened on first use,
    /// closed with the container) and makes its stores the <see cref="IBlockStore"/> and
    /// <see cref="IChainStateStore"/>, replacing earlier registrations (e.g. the in-memory defaults). The
    /// options are validated when the host starts.
    /// </summary>
    /// <param name="services">The container.</param>
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
