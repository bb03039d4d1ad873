using Antimony.Consensus.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Mempool;

/// <summary>Adds the mempool to an <see cref="IAntimonyBuilder"/>.</summary>
public static class MempoolBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="TransactionPool"/> (a singleton following the chain state's events) with its
    /// options, validated on start. <c>TryAdd</c> semantics: a host's own registration wins, and calling this
    /// twice only adds the second <paramref name="configure"/>.
    /// </summary>
    public static IAntimonyBuilder AddMempool(this IAntimonyBuilder builder, Action<MempoolOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<MempoolOptions>().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MempoolOptions>, MempoolOptionsValidator>());
        builder.Services.TryAddSingleton<TransactionPool>();
        return builder;
    }
}
