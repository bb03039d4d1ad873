using Antimony.Consensus.Hosting;
using Antimony.Consensus.Mempool;
using Antimony.Mining.Service;
using Antimony.Mining.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Mining.Hosting;

/// <summary>Adds the miner to an <see cref="IAntimonyBuilder"/>.</summary>
public static class MiningBuilderExtensions
{
    /// <summary>
    /// Registers the block assembler, the <see cref="IBlockTemplateSource"/> and the <see cref="MinerService"/> (a hosted
    /// service, also resolvable to start and stop mining at run time), with <see cref="MiningOptions"/> validated on
    /// start: the address must belong to the node's network and be spendable. Transactions come from the
    /// <see cref="TransactionPool"/> when the mempool is added, else blocks are coinbase-only. Everything is registered
    /// with <c>TryAdd</c>, so a host's own <see cref="ITransactionSelector"/> or template source wins.
    /// </summary>
    /// <example><c>services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddMempool().AddMining(o => { o.Address = "ratmn1..."; o.Threads = 2; });</c></example>
    public static IAntimonyBuilder AddMining(this IAntimonyBuilder builder, Action<MiningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<MiningOptions>().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MiningOptions>, MiningOptionsValidator>());
        services.TryAddSingleton<ITransactionSelector>(sp =>
            sp.GetService<TransactionPool>() is { } pool ? new MempoolTransactionSelector(pool) : EmptyTransactionSelector.Instance);
        services.TryAddSingleton<BlockAssembler>();
        services.TryAddSingleton<BlockTemplateSource>();
        services.TryAddSingleton<IBlockTemplateSource>(sp => sp.GetRequiredService<BlockTemplateSource>());
        services.TryAddSingleton<MinerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MinerService>(sp => sp.GetRequiredService<MinerService>()));
        return builder;
    }
}
