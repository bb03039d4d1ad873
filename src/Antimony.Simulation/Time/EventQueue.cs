namespace Antimony.Simulation.Time;

/// <summary>
/// The discrete-event engine's agenda: items ordered by virtual time, and items due at the same instant in the
/// order they were scheduled, so equal timestamps never leave the order to the heap's internals.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class EventQueue<T>
{
    private readonly PriorityQueue<T, (long Time, long Sequence)> _heap = new();
    private long _sequence;

    /// <summary>The number of pending events.</summary>
    public int Count => _heap.Count;

    /// <summary>Adds <paramref name="item"/> due at <paramref name="time"/> (ticks of virtual time).</summary>
    public void Schedule(long time, T item) => _heap.Enqueue(item, (time, _sequence++));

    /// <summary>Takes the earliest event (the first scheduled among equals).</summary>
    public bool TryDequeue(out long time, out T item)
    {
        if (_heap.TryDequeue(out item!, out var priority))
        {
            time = priority.Time;
            return true;
        }
        time = 0;
        return false;
    }
}
