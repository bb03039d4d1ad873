namespace Antimony.Simulation.Engine;

// The report: best-chain blocks as node 0 sees them (all nodes agree when the run converged).
internal sealed partial class SimulationRun
{
    private SimulationReport Summarise()
    {
        var chain = _nodes[0].Chain;
        var propagation = new List<TimeSpan>();
        var half = new List<TimeSpan>();
        var ninety = new List<TimeSpan>();
        var all = new List<TimeSpan>();
        int stale = 0;
        var stored = new List<long>(_nodes.Count);
        foreach (var record in _mined)
        {
            if (!chain.TryGetEntry(record.Block.Hash, out var entry) || !chain.IsActive(entry))
            {
                stale++;
                continue;
            }
            stored.Clear();
            for (int i = 0; i < record.StoredAt.Length; i++)
            {
                long at = record.StoredAt[i];
                if (at < 0)
                    continue;
                stored.Add(at - record.Discovered);
                if (i != record.Miner)
                    propagation.Add(TimeSpan.FromTicks(at - record.Discovered));
            }
            stored.Sort();
            AddCoverage(half, stored, 0.5);
            AddCoverage(ninety, stored, 0.9);
            AddCoverage(all, stored, 1.0);
        }
        return new SimulationReport
        {
            Nodes = _nodes.Count,
            Seed = _settings.Seed,
            Topology = _settings.Topology,
            Links = LinkCount,
            Miners = _miners.Length,
            BlocksMined = _mined.Count,
            StaleBlocks = stale,
            FinalHeight = chain.Tip.Height,
            FinalTip = chain.Tip.Hash.ToString(),
            Converged = Converged(),
            Propagation = DelayPercentiles.Of(propagation),
            TimeToHalf = DelayPercentiles.Of(half),
            TimeToNinetyPercent = DelayPercentiles.Of(ninety),
            TimeToAll = DelayPercentiles.Of(all),
            Messages = _messages,
            Bytes = _bytes,
            BlockMessages = _blockMessages,
            Events = _events,
            SimulatedTime = _clock.Elapsed,
        };
    }

    // The time at which ceil(fraction * nodes) nodes had the block; a block that never reached that many is left out.
    private void AddCoverage(List<TimeSpan> into, List<long> sortedDelays, double fraction)
    {
        int needed = Math.Max(1, (int)Math.Ceiling(fraction * _nodes.Count));
        if (sortedDelays.Count >= needed)
            into.Add(TimeSpan.FromTicks(sortedDelays[needed - 1]));
    }
}
