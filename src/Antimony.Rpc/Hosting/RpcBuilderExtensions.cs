using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Hosting;
using Antimony.Rpc.Methods;
using Antimony.Rpc.Methods.Blockchain;
using Antimony.Rpc.Methods.Mempool;
using Antimony.Rpc.Methods.Mining;
using Antimony.Rpc.Methods.Network;
using Antimony.Rpc.Methods.Util;
using Antimony.Rpc.Methods.Control;
using Antimony.Rpc.Methods.Wallet;
using Antimony.Rpc.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Hosting;

/// <summary>Adds the JSON-RPC server to an Antimony composition.</summary>
public static class RpcBuilderExtensions
{
    /// <summary>
    /// Registers the JSON-RPC server and its built-in methods, with <see cref="RpcOptions"/> bound from
    /// <c>Antimony:Rpc</c>, then <paramref name="configure"/>, and validated on start. Unless
    /// <see cref="RpcOptions.ConfigureKestrel"/> is turned off, Kestrel listens on <see cref="RpcOptions.Bind"/>
    /// (127.0.0.1 by default) and <see cref="RpcOptions.Port"/> with the request size limit. Map the endpoint
    /// with <see cref="RpcEndpointRouteBuilderExtensions.MapAntimonyRpc"/>.
    /// </summary>
    public static IAntimonyBuilder AddRpc(this IAntimonyBuilder builder, Action<RpcOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<RpcOptions>().BindConfiguration(RpcOptions.SectionName).ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RpcOptions>, RpcOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, RpcKestrelSetup>());
        services.TryAddSingleton<RpcCredentials>();
        services.TryAddSingleton<RpcCookieFile>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RpcCookieFile>(sp => sp.GetRequiredService<RpcCookieFile>()));
        services.TryAddSingleton<RpcMethodTable>();
        services.TryAddSingleton<RpcDispatcher>();
        services.TryAddSingleton<RpcEndpoint>();
        services.TryAddSingleton(TimeProvider.System);
        AddBuiltInMethods(services);
        return builder;
    }

    /// <summary>Adds a method of the host's own (it replaces a built-in method of the same name).</summary>
    public static IAntimonyBuilder AddRpcMethod<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMethod>(this IAntimonyBuilder builder)
        where TMethod : class, IRpcMethod
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRpcMethod, TMethod>());
        return builder;
    }

    private static void AddBuiltInMethods(IServiceCollection services)
    {
        services.TryAddSingleton<NodeServices>();
        Add<GetBlockchainInfo>(services);
        Add<GetBlockCount>(services);
        Add<GetBestBlockHash>(services);
        Add<GetBlockHash>(services);
        Add<GetBlockHeader>(services);
        Add<GetBlock>(services);
        Add<GetRawTransaction>(services);
        Add<GetIndexInfo>(services);
        Add<DecodeRawTransaction>(services);
        Add<SendRawTransaction>(services);
        Add<TestMempoolAccept>(services);
        Add<GetMempoolInfo>(services);
        Add<GetRawMempool>(services);
        Add<GetMempoolEntry>(services);
        Add<GetNetworkInfo>(services);
        Add<GetPeerInfo>(services);
        Add<GetConnectionCount>(services);
        Add<DisconnectNode>(services);
        Add<AddNode>(services);
        Add<SetBan>(services);
        Add<ListBanned>(services);
        Add<ClearBanned>(services);
        services.TryAddSingleton<TemplateFactory>();
        Add<GetMiningInfo>(services);
        Add<GetBlockTemplate>(services);
        Add<SubmitBlock>(services);
        Add<GenerateToAddress>(services);
        services.TryAddSingleton<FeeEstimator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FeeEstimator>(sp => sp.GetRequiredService<FeeEstimator>()));
        Add<ValidateAddress>(services);
        Add<EstimateSmartFee>(services);
        Add<Uptime>(services);
        Add<Stop>(services);
        Add<Help>(services);
        // Always present: without a wallet they answer Core's -18 "No wallet is loaded".
        Add<GetNewAddress>(services);
        Add<GetBalance>(services);
        Add<ListUnspent>(services);
        Add<SendToAddress>(services);
        Add<ListTransactions>(services);
    }

    private static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMethod>(IServiceCollection services)
        where TMethod : class, IRpcMethod =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRpcMethod, TMethod>());
}
