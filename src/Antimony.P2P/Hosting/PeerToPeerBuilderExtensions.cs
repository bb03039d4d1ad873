using Antimony.Consensus.Hosting;
using Antimony.P2P.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.P2P.Hosting;

/// <summary>Adds the peer-to-peer node to an Antimony composition.</summary>
public static class PeerToPeerBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="PeerNetwork"/> as a singleton and hosted service, with options validated on start.
    /// The mempool is optional: without <c>AddMempool</c> the node syncs and relays blocks only.
    /// </summary>
    public static IAntimonyBuilder AddPeerToPeer(this IAntimonyBuilder builder, Action<PeerToPeerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<PeerToPeerOptions>().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PeerToPeerOptions>, PeerToPeerOptionsValidator>());
        builder.Services.TryAddSingleton<PeerNetwork>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PeerNetwork>());
        return builder;
    }
}
