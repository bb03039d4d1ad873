using Antimony.Devnet.Observation;
using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;
using Antimony.Devnet.Topology;

namespace Antimony.Devnet.Nodes;

/// <summary>
/// <c>up</c>: starts the nodes one after another (each bootstrap answers /status before the nodes that dial it start),
/// records every process in the state file as soon as it exists, then waits until every node answers and has a peer.
/// On failure it stops what it started.
/// </summary>
internal sealed class NetworkLauncher(LaunchOptions options, TextWriter log)
{
    /// <summary>Starts the network; returns its state once healthy.</summary>
    /// <exception cref="InvalidOperationException">A devnet already runs there, or the network did not become healthy (its nodes are stopped).</exception>
    public async Task<DevnetState> StartAsync(CancellationToken cancellationToken)
    {
        string directory = Path.GetFullPath(options.Directory);
        if (StateFile.TryLoad(directory, out var existing) && existing.Nodes.Any(n => ProcessTable.IsAlive(n.Pid)))
            throw new InvalidOperationException($"A devnet already runs from {directory}; run `atmn-devnet down --datadir {directory}` first.");
        var plan = TopologyPlan.Create(options.Topology, options.Nodes);
        var nodes = new List<NodeRecord>();
        var state = new DevnetState(options.Network, options.Topology, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), nodes);
        var launcher = new NodeLauncher(options.NodePath);
        int? maxOutbound = options.Topology == TopologyKind.Mesh ? Math.Max(8, options.Nodes - 1) : null;
        var needed = plan.Edges.Select(e => e.To).ToHashSet();
        try
        {
            for (int i = 0; i < options.Nodes; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string nodeDirectory = Path.Combine(directory, $"node{i}");
                Directory.CreateDirectory(nodeDirectory);
                var bootstraps = plan.BootstrapsOf(i);
                string region = Regions.Of(i);
                var arguments = NodeCommandLine.For(options.Network, nodeDirectory, options.BasePort + i, options.RpcBasePort + i, region,
                    bootstraps.Select(b => options.BasePort + b), options.IsMiner(i), maxOutbound);
                string logFile = Path.Combine(nodeDirectory, "node.log");
                int pid = launcher.Start(arguments, logFile);
                var record = new NodeRecord(i, pid, options.BasePort + i, options.RpcBasePort + i, nodeDirectory, logFile, region, bootstraps, options.IsMiner(i));
                nodes.Add(record);
                StateFile.Save(directory, state with { Nodes = [.. nodes] });
                log.WriteLine($"started {record.Name} pid {pid} p2p {record.Port} rpc {record.RpcPort} {region}{(record.Miner ? " miner" : "")}{(bootstraps.Count > 0 ? " <- " + string.Join(",", bootstraps.Select(b => "node" + b)) : "")}");
                if (needed.Contains(i))
                    await WaitForStatusAsync(record, cancellationToken);
                await Task.Delay(options.Stagger, cancellationToken);
            }
            state = state with { Nodes = [.. nodes] };
            await WaitUntilHealthyAsync(state, cancellationToken);
            return state;
        }
        catch (Exception e)
        {
            log.WriteLine($"up failed: {e.Message}; stopping the {nodes.Count} node(s) started");
            if (nodes.Count > 0)
            {
                var partial = state with { Nodes = [.. nodes] };
                await new NetworkStopper(log).StopAsync(partial, CancellationToken.None);
                StateFile.Delete(directory);
            }
            throw new InvalidOperationException($"up failed: {e.Message}", e);
        }
    }

    private async Task WaitForStatusAsync(NodeRecord node, CancellationToken cancellationToken)
    {
        using var clients = new DevnetClients(new DevnetState(options.Network, options.Topology, 0, [node with { Index = 0 }]), TimeSpan.FromSeconds(5));
        var single = clients[0];
        var deadline = DateTime.UtcNow + options.Timeout;
        while (true)
        {
            if (!ProcessTable.IsAlive(node.Pid))
                throw new InvalidOperationException($"{node.Name} exited at start; see {node.LogFile}:\n{Tail(node.LogFile)}");
            try
            {
                await single.GetStatusAsync(cancellationToken);
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(DevnetState state, CancellationToken cancellationToken)
    {
        using var clients = new DevnetClients(state, TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + options.Timeout;
        while (true)
        {
            var snapshot = await NetworkSnapshot.TakeAsync(state, clients, TimeSpan.FromSeconds(5), cancellationToken);
            var dead = snapshot.Nodes.FirstOrDefault(o => !o.Alive);
            if (dead is not null)
                throw new InvalidOperationException($"{dead.Node.Name} exited; see {dead.Node.LogFile}:\n{Tail(dead.Node.LogFile)}");
            var waiting = snapshot.Nodes.Where(o => o.Status is null || (state.Nodes.Count > 1 && o.Status.Peers.Count == 0)).ToList();
            if (waiting.Count == 0)
            {
                log.WriteLine($"all {state.Nodes.Count} nodes answer /status and have peers; health {snapshot.Health.Total}/100");
                return;
            }
            if (DateTime.UtcNow >= deadline)
                throw new InvalidOperationException($"not healthy after {options.Timeout.TotalSeconds:0} s: {string.Join(", ", waiting.Select(o => o.Node.Name + " " + (o.Error ?? "has no peers")))}");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The last lines of a node's log, for error messages.</summary>
    public static string Tail(string logFile, int lines = 15)
    {
        try
        {
            return string.Join('\n', File.ReadLines(logFile).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
