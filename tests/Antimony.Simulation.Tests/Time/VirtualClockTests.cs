using Antimony.Simulation.Time;

namespace Antimony.Simulation.Tests.Time;

public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property]
    public Property The_clock_reads_the_start_plus_every_advance_and_never_goes_back() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ListOf().ToArbitrary(), steps =>
        {
            var clock = new VirtualClock(Start);
            long previous = clock.GetTimestamp();
            long sum = 0;
            foreach (int step in steps)
            {
                clock.Advance(TimeSpan.FromTicks(step));
                sum += step;
                if (clock.GetTimestamp() < previous || clock.GetUtcNow() != Start.AddTicks(sum))
                    return false;
                previous = clock.GetTimestamp();
            }
            return clock.GetElapsedTime(0) == TimeSpan.FromTicks(sum);
        });

    [Fact]
    public void Moving_backwards_is_refused()
    {
        var clock = new VirtualClock(Start);
        clock.AdvanceTo(TimeSpan.FromSeconds(5));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(TimeSpan.FromSeconds(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(Start.AddSeconds(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.TicksPerSecond, clock.TimestampFrequency);
    }

    [Fact]
    public void Timers_are_not_supported()
    {
        var clock = new VirtualClock(Start);
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }
}
