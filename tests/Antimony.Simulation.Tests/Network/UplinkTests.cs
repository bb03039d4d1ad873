using Antimony.Simulation.Network;

namespace Antimony.Simulation.Tests.Network;

public sealed class UplinkTests
{
    [Fact]
    public void A_message_takes_its_serialisation_delay_plus_the_latency()
    {
        var uplink = new Uplink(8_000_000); // one byte per microsecond
        long latency = TimeSpan.FromMilliseconds(35).Ticks;

        long arrival = uplink.Transmit(0, 1_000_000, latency);

        Assert.Equal(TimeSpan.FromSeconds(1).Ticks + latency, arrival);
    }

    [Fact]
    public void Messages_queue_behind_each_other_on_one_uplink()
    {
        var uplink = new Uplink(8_000_000);

        long first = uplink.Transmit(0, 1_000, 0);
        long second = uplink.Transmit(0, 1_000, 0);
        long later = uplink.Transmit(second + 5_000, 1_000, 0);

        Assert.Equal(TimeSpan.FromMilliseconds(1).Ticks, first);
        Assert.Equal(TimeSpan.FromMilliseconds(2).Ticks, second);
        Assert.Equal(second + 5_000 + TimeSpan.FromMilliseconds(1).Ticks, later); // an idle link starts at once
    }

    [Property]
    public Property Arrivals_on_one_link_keep_their_sending_order() =>
        Prop.ForAll(Gen.Choose(1, 100_000).ListOf().ToArbitrary(), sizes =>
        {
            var uplink = new Uplink(10_000_000);
            long last = 0;
            long now = 0;
            foreach (int size in sizes)
            {
                long arrival = uplink.Transmit(now, size, 1_000);
                if (arrival <= last)
                    return false;
                last = arrival;
                now += size % 7;
            }
            return true;
        });
}
