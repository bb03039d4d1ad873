using System.Globalization;
using System.Text;

namespace Antimony.Devnet.Observation;

/// <summary>
/// Renders a <see cref="NetworkSnapshot"/> as the text table <c>status</c> prints and <c>monitor</c> redraws: one
/// row per node, the topology edges, recent events and the health score.
/// </summary>
internal static class StatusReport
{
    /// <summary>The report. <paramref name="previous"/>, when given, turns CPU time into a current percentage.</summary>
    public static string Render(NetworkSnapshot snapshot, NetworkSnapshot? previous = null)
    {
        var text = new StringBuilder();
        var state = snapshot.State;
        var health = snapshot.Health;
        text.Append(CultureInfo.InvariantCulture,
            $"{state.Network} devnet, {state.Topology.ToString().ToLowerInvariant()} topology, {state.Nodes.Count} nodes, at {DateTimeOffset.FromUnixTimeMilliseconds(snapshot.TakenUnixMs):HH:mm:ss} UTC\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Network health {health.Total}/100 (running {health.Running:0}, connections {health.Connections:0}, error-free {health.ErrorFree:0}, responsive {health.Responsive:0})\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{"node",-7}{"region",-13}{"pid",-8}{"height",7} {"tip",-18}{"peers",6} {"in/out",7} {"mempool",8} {"hash rate",11} {"cpu %",6} {"mem MB",7} {"uptime",9}\n");
        foreach (var o in snapshot.Nodes)
        {
            var n = o.Node;
            if (o.Status is not { } s)
            {
                text.Append(CultureInfo.InvariantCulture, $"{n.Name,-7}{n.Region,-13}{n.Pid,-8}{(o.Alive ? "running, no answer" : "NOT RUNNING")}: {o.Error}\n");
                continue;
            }
            string tip = s.BestBlockHash is { Length: >= 16 } h ? h[..16] : s.BestBlockHash ?? "?";
            double cpu = CpuPercent(o, previous?.Nodes.FirstOrDefault(p => p.Node.Index == n.Index), snapshot, previous);
            text.Append(CultureInfo.InvariantCulture,
                $"{n.Name,-7}{s.Region ?? n.Region,-13}{n.Pid,-8}{s.Height,7} {tip,-18}{s.Peers.Count,6} {s.Connections.Inbound + "/" + s.Connections.Outbound,7} {s.Mempool.Size,8} {FormatRate(s.Mining.HashRate),11} {cpu,6:0.0} {s.Process.WorkingSetBytes / 1e6,7:0} {FormatUptime(s.UptimeSeconds),9}\n");
        }
        var expected = state.PlannedEdges;
        var observed = snapshot.ObservedEdges.ToHashSet();
        text.Append(CultureInfo.InvariantCulture, $"\nTopology: {expected.Count(e => observed.Contains(e) || observed.Contains((e.To, e.From)))}/{expected.Count} planned edges up, {observed.Count} outbound connections between devnet nodes\n  ");
        text.AppendJoin(' ', observed.Order().Select(e => $"{e.From}->{e.To}"));
        text.Append('\n');
        var events = snapshot.Nodes.Where(o => o.Status is not null)
            .SelectMany(o => o.Status!.RecentEvents.Select(e => (o.Node.Name, e)))
            .OrderByDescending(x => x.e.UnixMs).Take(8).ToList();
        text.Append("\nRecent events:\n");
        if (events.Count == 0)
            text.Append("  (none)\n");
        foreach (var (name, e) in events)
            text.Append(CultureInfo.InvariantCulture, $"  {DateTimeOffset.FromUnixTimeMilliseconds(e.UnixMs):HH:mm:ss} {name,-7}{e.Level,-8} {e.Message}\n");
        return text.ToString();
    }

    // Between two snapshots: CPU seconds used over wall seconds passed; otherwise the average since start.
    private static double CpuPercent(NodeObservation now, NodeObservation? before, NetworkSnapshot snapshot, NetworkSnapshot? previous)
    {
        var s = now.Status!;
        if (before?.Status is { } b && previous is not null && snapshot.TakenUnixMs > previous.TakenUnixMs && b.Process.Pid == s.Process.Pid)
            return Math.Max(0, (s.Process.CpuSeconds - b.Process.CpuSeconds) / ((snapshot.TakenUnixMs - previous.TakenUnixMs) / 1000.0) * 100);
        return s.UptimeSeconds > 0 ? s.Process.CpuSeconds / s.UptimeSeconds * 100 : 0;
    }

    /// <summary>"12.3 MH/s" and the like.</summary>
    public static string FormatRate(double hashesPerSecond) => hashesPerSecond switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond / 1e9:0.0} GH/s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond / 1e6:0.0} MH/s"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond / 1e3:0.0} kH/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hashesPerSecond:0} H/s"),
    };

    private static string FormatUptime(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : $"{span.Minutes}m{span.Seconds:00}s";
    }
}
