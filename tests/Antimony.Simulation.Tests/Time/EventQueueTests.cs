using Antimony.Simulation.Time;

namespace Antimony.Simulation.Tests.Time;

public sealed class EventQueueTests
{
    [Property]
    public Property Events_come_out_by_time_and_in_scheduling_order_among_equals() =>
        Prop.ForAll(Gen.Choose(0, 20).ListOf().ToArbitrary(), times =>
        {
            var queue = new EventQueue<int>();
            for (int i = 0; i < times.Count; i++)
                queue.Schedule(times[i], i);
            var expected = times.Select((time, index) => (time, index)).OrderBy(e => e.time).ThenBy(e => e.index).ToList();
            var actual = new List<(int, int)>();
            while (queue.TryDequeue(out long time, out int index))
                actual.Add(((int)time, index));
            return expected.SequenceEqual(actual).Label($"got {string.Join(",", actual)}");
        });

    [Fact]
    public void An_empty_queue_has_nothing()
    {
        var queue = new EventQueue<string>();
        Assert.False(queue.TryDequeue(out _, out _));
        queue.Schedule(5, "a");
        Assert.Equal(1, queue.Count);
        Assert.True(queue.TryDequeue(out long time, out var item));
        Assert.Equal((5L, "a"), (time, item));
    }
}
