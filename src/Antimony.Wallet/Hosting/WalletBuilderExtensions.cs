using Antimony.Consensus.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Wallet.Hosting;

/// <summary>Adds the node-side wallet to an <see cref="IAntimonyBuilder"/>.</summary>
public static class WalletBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="NodeWallet"/> (a singleton and hosted service that follows the chain) with
    /// <see cref="WalletOptions"/> from section <c>Antimony:Wallet</c> plus <paramref name="configure"/>, validated on start.
    /// Sending needs the mempool (<c>AddMempool</c>); without it the wallet only watches.
    /// </summary>
    /// <example><c>services.AddAntimony(ChainParameters.Devnet).AddRocksDbStore(dir).AddMempool().AddWallet(o => o.Path = Path.Combine(dir, "wallet"));</c></example>
    public static IAntimonyBuilder AddWallet(this IAntimonyBuilder builder, Action<WalletOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<WalletOptions>, WalletOptionsSetup>());
        var options = services.AddOptions<WalletOptions>().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WalletOptions>, WalletOptionsValidator>());
        services.TryAddSingleton<NodeWallet>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NodeWallet>(sp => sp.GetRequiredService<NodeWallet>()));
        return builder;
    }
}
