using Antimony.Consensus.Mempool;
using Antimony.P2P.Connections;
using Antimony.Rpc.Server;
using Antimony.Wallet.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Methods;

/// <summary>
/// The optional parts of the node a method may need, resolved when called: a composition without the mempool or
/// P2P still serves every other method, and these answer with Core's "disabled" errors.
/// </summary>
internal sealed class NodeServices(IServiceProvider services)
{
    /// <summary>The mempool, or -33 "Mempool disabled or instance not found".</summary>
    public TransactionPool Pool => PoolOrNull ?? throw new RpcException(RpcErrorCode.ClientMempoolDisabled, "Mempool disabled or instance not found");

    /// <summary>The mempool when registered.</summary>
    public TransactionPool? PoolOrNull => services.GetService<TransactionPool>();

    /// <summary>The P2P node, or -9 "Error: Peer-to-peer functionality missing or disabled".</summary>
    public PeerNetwork Network => NetworkOrNull ?? throw new RpcException(RpcErrorCode.ClientP2PDisabled, "Error: Peer-to-peer functionality missing or disabled");

    /// <summary>The P2P node when registered.</summary>
    public PeerNetwork? NetworkOrNull => services.GetService<PeerNetwork>();

    /// <summary>The node's wallet, or Core's -18 "No wallet is loaded" when <c>AddWallet</c> was not called.</summary>
    public NodeWallet Wallet => services.GetService<NodeWallet>()
        ?? throw new RpcException(RpcErrorCode.WalletNotFound, "No wallet is loaded. Add one to the node with builder.AddWallet(...) (Antimony:Wallet:Path).");

    /// <summary>Any other service, or null.</summary>
    public T? Get<T>() where T : class => services.GetService<T>();
}
