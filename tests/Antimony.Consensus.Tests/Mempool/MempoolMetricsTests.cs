using System.Diagnostics.Metrics;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>The mempool's instruments, created through the host's <see cref="IMeterFactory"/>.</summary>
public sealed class MempoolMetricsTests
{
    [Fact]
    public void Acceptances_refusals_by_reason_and_the_pool_size_are_measured()
    {
        var factory = new ScopedMeterFactory();
        using var node = new TestNode(MempoolHarness.FastRegtest, b =>
        {
            b.Services.AddSingleton<IMeterFactory>(factory);
            b.AddMempool();
        });
        var pool = node.Services.GetRequiredService<TransactionPool>();
        node.MineEmpty(2);
        var coin = node.MatureCoins()[0];
        var tx = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value - new Primitives.Amounts.Money(1_000), 2));

        var measurements = new List<(string Name, long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
                reason = tag.Key == "reason" ? tag.Value?.ToString() : reason;
            lock (measurements)
                measurements.Add((instrument.Name, value, reason));
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (measurements)
                measurements.Add((instrument.Name, value, null));
        });
        listener.Start();

        Assert.True(pool.Accept(tx).IsAccepted);
        Assert.False(pool.Accept(tx).IsAccepted);
        listener.RecordObservableInstruments();

        Assert.Contains(("antimony.mempool.accepted", 1L, (string?)null), measurements);
        Assert.Contains(("antimony.mempool.rejected", 1L, MempoolRejectCodes.AlreadyInMempool), measurements);
        Assert.Contains(("antimony.mempool.transactions", 1L, (string?)null), measurements);
        Assert.Contains(("antimony.mempool.bytes", (long)tx.TotalSize, (string?)null), measurements);
    }

    private sealed class ScopedMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
                meter.Dispose();
        }
    }
}
