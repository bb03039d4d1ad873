using Antimony.Consensus.Hosting;
using Antimony.P2P.Connections;
using Microsoft.Extensions.Configuration;
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
    /// The options are read first from the section <c>Antimony:P2P</c> of the registered
    /// <see cref="IConfiguration"/> (if any; appsettings.json, <c>ANTIMONY_P2P__MAXOUTBOUND</c>...), then
    /// <paramref name="configure"/> has the last word. The mempool is optional: without <c>AddMempool</c> the
    /// node syncs and relays blocks only.
    /// </summary>
    public static IAntimonyBuilder AddPeerToPeer(this IAntimonyBuilder builder, Action<PeerToPeerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!Registered(builder.Services))
        {
            builder.Services.AddOptions<PeerToPeerOptions>().Configure<IServiceProvider>((options, services) =>
                PeerToPeerConfiguration.Bind(services.GetService<IConfiguration>()?.GetSection(PeerToPeerConfiguration.SectionName), options));
        }
        return Register(builder, configure);
    }

    /// <summary>
    /// Registers the network like <see cref="AddPeerToPeer(IAntimonyBuilder, Action{PeerToPeerOptions}?)"/>, reading
    /// the options from <paramref name="section"/> (e.g. <c>configuration.GetSection("Antimony:P2P")</c>) instead
    /// of the registered configuration; endpoints are strings such as <c>"127.0.0.1:20000"</c>.
    /// </summary>
    public static IAntimonyBuilder AddPeerToPeer(this IAntimonyBuilder builder, IConfiguration section, Action<PeerToPeerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<PeerToPeerOptions>().Configure(options => PeerToPeerConfiguration.Bind(section, options));
        return Register(builder, configure);
    }

    private static bool Registered(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(PeerNetwork));

    private static IAntimonyBuilder Register(IAntimonyBuilder builder, Action<PeerToPeerOptions>? configure)
    {
        var options = builder.Services.AddOptions<PeerToPeerOptions>().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PeerToPeerOptions>, PeerToPeerOptionsValidator>());
        if (!Registered(builder.Services))
        {
            builder.Services.AddSingleton<PeerNetwork>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PeerNetwork>());
        }
        return builder;
    }
}
