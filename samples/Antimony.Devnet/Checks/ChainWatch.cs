using System.Text.Json.Nodes;
using Antimony.Devnet.Rpc;

namespace Antimony.Devnet.Checks;

/// <summary>The chain operations every test needs: mine on demand and wait for nodes to agree.</summary>
internal static class ChainWatch
{
    /// <summary>How often nodes are polled while waiting.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Mines <paramref name="blocks"/> blocks on <paramref name="node"/> paying <paramref name="address"/>; returns their hashes.</summary>
    public static async Task<IReadOnlyList<string>> GenerateAsync(NodeRpcClient node, int blocks, string address, CancellationToken cancellationToken)
    {
        var result = await node.CallAsync("generatetoaddress", [blocks, address], cancellationToken);
        return result is JsonArray hashes ? [.. hashes.Select(h => h!.GetValue<string>())] : [];
    }

    /// <summary>The tip hash of <paramref name="node"/>.</summary>
    public static async Task<string> BestBlockHashAsync(NodeRpcClient node, CancellationToken cancellationToken) =>
        (await node.CallAsync("getbestblockhash", cancellationToken: cancellationToken))!.GetValue<string>();

    /// <summary>The height of <paramref name="node"/>'s tip.</summary>
    public static async Task<int> HeightAsync(NodeRpcClient node, CancellationToken cancellationToken) =>
        (await node.CallAsync("getblockcount", cancellationToken: cancellationToken))!.GetValue<int>();

    /// <summary>Waits until every node's tip is <paramref name="hash"/>; the nodes still elsewhere at the deadline, or none.</summary>
    public static async Task<IReadOnlyList<NodeRpcClient>> WaitForTipAsync(IReadOnlyList<NodeRpcClient> nodes, string hash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var behind = new List<NodeRpcClient>();
            foreach (var node in nodes)
            {
                string? tip = await TryBestBlockHashAsync(node, cancellationToken);
                if (tip != hash)
                    behind.Add(node);
            }
            if (behind.Count == 0 || DateTime.UtcNow >= deadline)
                return behind;
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Waits until all nodes share one tip and returns it, or null at the deadline.</summary>
    public static async Task<string?> WaitForConvergenceAsync(IReadOnlyList<NodeRpcClient> nodes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var tips = await Task.WhenAll(nodes.Select(n => TryBestBlockHashAsync(n, cancellationToken)));
            if (tips.All(t => t is not null) && tips.Distinct().Count() == 1)
                return tips[0];
            if (DateTime.UtcNow >= deadline)
                return null;
            await Task.Delay(PollInterval * 3, cancellationToken);
        }
    }

    /// <summary>The tip hash, or null when the node does not answer.</summary>
    public static async Task<string?> TryBestBlockHashAsync(NodeRpcClient node, CancellationToken cancellationToken)
    {
        try
        {
            return await BestBlockHashAsync(node, cancellationToken);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>The txids of the block <paramref name="hash"/> (getblock verbosity 1).</summary>
    public static async Task<IReadOnlyList<string>> BlockTransactionsAsync(NodeRpcClient node, string hash, CancellationToken cancellationToken)
    {
        var block = await node.CallAsync("getblock", [hash, 1], cancellationToken);
        return block?["tx"] is JsonArray txs ? [.. txs.Select(t => t is JsonValue ? t.GetValue<string>() : t!["txid"]!.GetValue<string>())] : [];
    }

    /// <summary>The txids in <paramref name="node"/>'s mempool.</summary>
    public static async Task<HashSet<string>> MempoolAsync(NodeRpcClient node, CancellationToken cancellationToken)
    {
        var pool = await node.CallAsync("getrawmempool", cancellationToken: cancellationToken);
        return pool is JsonArray txids ? [.. txids.Select(t => t!.GetValue<string>())] : pool is JsonObject verbose ? [.. verbose.Select(p => p.Key)] : [];
    }
}
