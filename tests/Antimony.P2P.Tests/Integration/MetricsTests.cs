using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Antimony.P2P.Hosting;
using Antimony.P2P.Tests.Support;
using Xunit;

namespace Antimony.P2P.Tests.Integration;

public sealed class MetricsTests
{
    [Fact]
    public async Task Peers_messages_bytes_and_handshake_failures_are_measured()
    {
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PeerToPeerMetrics.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string key = instrument.Name;
            foreach (var tag in tags)
                key += $"|{tag.Key}={tag.Value}";
            totals.AddOrUpdate(key, value, (_, old) => old + value);
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            string key = instrument.Name;
            foreach (var tag in tags)
                key += $"|{tag.Key}={tag.Value}";
            totals.AddOrUpdate(key, value, (_, old) => old + value);
        });
        listener.Start();
        var nodes = new List<TestPeerNode>();
        try
        {
            nodes.Add(await TestPeerNode.StartAsync());
            var target = nodes[0].EndPoint;
            nodes.Add(await TestPeerNode.StartAsync(o => o.Bootstrap = [target]));
            await Eventually.AssertAsync(() => nodes.All(n => n.Network.Peers.Count == 1), TimeSpan.FromSeconds(30), "connected");
            await using (var old = await RawPeer.ConnectAsync(target, version: 60_000))
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                Assert.False(await old.CompleteHandshakeAsync(deadline.Token));
            }
            await Eventually.AssertAsync(() =>
                totals.GetValueOrDefault("antimony.p2p.peers|direction=in") >= 1 &&
                totals.GetValueOrDefault("antimony.p2p.peers|direction=out") >= 1 &&
                totals.GetValueOrDefault("antimony.p2p.messages|command=version|direction=sent") >= 2 &&
                totals.GetValueOrDefault("antimony.p2p.bytes|command=verack|direction=received") >= 48 &&
                totals.GetValueOrDefault("antimony.p2p.handshake_failures") >= 1,
                TimeSpan.FromSeconds(30), "the instruments report: " + string.Join(", ", totals.Keys));
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }
}
