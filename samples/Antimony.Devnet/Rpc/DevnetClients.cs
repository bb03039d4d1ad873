using Antimony.Devnet.State;

namespace Antimony.Devnet.Rpc;

/// <summary>One RPC client per recorded node over one shared HTTP connection pool.</summary>
internal sealed class DevnetClients : IDisposable
{
    private readonly HttpClient _http;
    private readonly NodeRpcClient[] _clients;

    /// <summary>Clients for every node of <paramref name="state"/>.</summary>
    public DevnetClients(DevnetState state, TimeSpan? requestTimeout = null)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = requestTimeout ?? TimeSpan.FromMinutes(5),
        };
        _clients = [.. state.Nodes.Select(n => new NodeRpcClient(_http, n))];
    }

    /// <summary>The client of node <paramref name="index"/>.</summary>
    public NodeRpcClient this[int index] => _clients[index];

    /// <summary>All clients, by node index.</summary>
    public IReadOnlyList<NodeRpcClient> All => _clients;

    /// <summary>Closes the connection pool.</summary>
    public void Dispose() => _http.Dispose();
}
