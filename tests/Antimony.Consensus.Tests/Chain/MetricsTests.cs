using System.Diagnostics.Metrics;
using Antimony.Consensus.Tests.Support;

namespace Antimony.Consensus.Tests.Chain;

public sealed class MetricsTests
{
    [Fact]
    public void Connected_blocks_and_rejects_by_reason_are_counted()
    {
        var measurements = new List<(string Name, long Value, string? Reason)>();
        using var listener = new MeterListener();
        TestNode? node = null;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Antimony.Consensus")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                    reason = tag.Value as string;
            }
            lock (measurements)
                measurements.Add((instrument.Name, value, reason));
        });
        listener.Start();
        using (node = new TestNode())
        {
            node.MineEmpty(3);
            node.Submit(node.Maker.Make(node.Chain.Tip, version: 1));
        }
        lock (measurements)
        {
            Assert.True(measurements.Count(m => m.Name == "antimony.consensus.blocks_connected") >= 3);
            Assert.Contains(measurements, m => m.Name == "antimony.consensus.rejects" && m.Reason == "bad-version");
        }
    }
}
