using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Nodes;

/// <summary>
/// <c>down</c>: stops every recorded node, gracefully first (RPC <c>stop</c>), then SIGTERM, then SIGKILL, always by
/// the recorded process id and only after checking that process still names the node's data directory.
/// </summary>
internal sealed class NetworkStopper(TextWriter log)
{
    /// <summary>How long a node gets to stop after RPC <c>stop</c> (store flush included).</summary>
    public static TimeSpan GracePeriod { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Stops every node of <paramref name="state"/>; true when none is left running.</summary>
    public async Task<bool> StopAsync(DevnetState state, CancellationToken cancellationToken)
    {
        using var clients = new DevnetClients(state, TimeSpan.FromSeconds(5));
        var results = await Task.WhenAll(state.Nodes.Select((n, i) => StopOneAsync(n, clients[i], cancellationToken)));
        return results.All(stopped => stopped);
    }

    private async Task<bool> StopOneAsync(NodeRecord node, NodeRpcClient client, CancellationToken cancellationToken)
    {
        if (!ProcessTable.IsAlive(node.Pid))
        {
            log.WriteLine($"{node.Name} (pid {node.Pid}) is not running");
            return true;
        }
        if (ProcessTable.CommandLine(node.Pid) is { } commandLine && !commandLine.Contains(node.DataDirectory, StringComparison.Ordinal))
        {
            log.WriteLine($"{node.Name}: pid {node.Pid} is now another program ({commandLine}); left alone");
            return true;
        }
        string how = "rpc stop";
        try
        {
            await client.CallAsync("stop", cancellationToken: cancellationToken);
        }
        catch (RpcException e)
        {
            how = $"rpc stop failed ({e.Message})";
        }
        if (!await ProcessTable.WaitForExitAsync(node.Pid, how == "rpc stop" ? GracePeriod : TimeSpan.Zero))
        {
            how += ", SIGTERM";
            ProcessTable.Signal(node.Pid, ProcessTable.SigTerm);
            if (!await ProcessTable.WaitForExitAsync(node.Pid, GracePeriod))
            {
                how += ", SIGKILL";
                ProcessTable.Signal(node.Pid, ProcessTable.SigKill);
                await ProcessTable.WaitForExitAsync(node.Pid, TimeSpan.FromSeconds(5));
            }
        }
        bool gone = !ProcessTable.IsAlive(node.Pid);
        log.WriteLine($"{node.Name} (pid {node.Pid}) {(gone ? "stopped" : "STILL RUNNING")}: {how}");
        return gone;
    }
}
