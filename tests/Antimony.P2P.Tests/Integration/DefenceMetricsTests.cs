using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Antimony.P2P.Defences;
using Antimony.P2P.Hosting;
using Antimony.P2P.Messages;
using Antimony.P2P.Tests.Support;
using Xunit;

namespace Antimony.P2P.Tests.Integration;

public sealed class DefenceMetricsTests
{
    [Fact]
    public async Task Misbehaviour_is_counted_with_its_reason_and_bans_by_kind()
    {
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PeerToPeerMetrics.MeterName && instrument.Name is "antimony.p2p.misbehaviour" or "antimony.p2p.bans")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string key = instrument.Name;
            foreach (var tag in tags)
                key += $"|{tag.Key}={tag.Value}";
            totals.AddOrUpdate(key, value, (_, old) => old + value);
        });
        listener.Start();
        // 127.0.0.4 is used by no other test, so these counts are this test's even with other tests running.
        var from = IPAddress.Parse("127.0.0.4");
        var victim = await TestPeerNode.StartAsync(o => { o.AllowList = []; o.MaxOutbound = 0; });
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using (var attacker = await HostileSocket.ConnectAsync(victim.EndPoint, deadline.Token, from))
            {
                await attacker.HandshakeAsync(deadline.Token);
                var frame = attacker.Frame(new PingMessage(1));
                frame[20] ^= 0xff;
                await attacker.SendAsync(frame, deadline.Token);
                Assert.True(await attacker.WaitClosedAsync(deadline.Token));
            }
            await Eventually.AssertAsync(() => victim.Network.Discouragement.TryGet(from, out var e) && e.Reason == MisbehaviourReason.BadChecksum,
                TimeSpan.FromSeconds(60), "discouraged for a bad checksum");
            victim.Network.Bans.Ban(new IPEndPoint(from, 20009), TimeSpan.FromHours(1));
            await Eventually.AssertAsync(() =>
                totals.GetValueOrDefault("antimony.p2p.misbehaviour|reason=BadChecksum|discouraged=True") >= 1 &&
                totals.GetValueOrDefault("antimony.p2p.bans|kind=endpoint") >= 1,
                TimeSpan.FromSeconds(30), "the instruments report: " + string.Join(", ", totals.Keys));
        }
        finally
        {
            await victim.DisposeAsync();
        }
    }
}
