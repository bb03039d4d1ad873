namespace Antimony.Simulation.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when the simulation says so, so everything that reads
/// the clock (the chain state's future-time rule, the block assembler's header time) sees virtual time and a run
/// is the same on any machine at any speed.
/// </summary>
/// <remarks>
/// Timers are not supported: simulated components schedule their work as events on the simulation's queue
/// instead, which keeps the order of simultaneous actions under the engine's control.
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    private long _elapsedTicks;

    /// <summary>A clock reading <paramref name="start"/> until it is advanced.</summary>
    public VirtualClock(DateTimeOffset start) => Start = start;

    /// <summary>The wall-clock instant that virtual time zero stands for.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The virtual time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_elapsedTicks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Start.AddTicks(_elapsedTicks);

    /// <summary>The elapsed virtual time in ticks (100 ns), so <see cref="TimeProvider.GetElapsedTime(long)"/> measures virtual durations.</summary>
    public override long GetTimestamp() => _elapsedTicks;

    /// <summary>Ticks per second: timestamps are <see cref="TimeSpan"/> ticks.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock to <paramref name="elapsed"/> after the start.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is earlier than now: virtual time never goes back.</exception>
    public void AdvanceTo(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed.Ticks, _elapsedTicks, nameof(elapsed));
        _elapsedTicks = elapsed.Ticks;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        _elapsedTicks += delta.Ticks;
    }

    /// <summary>Not supported: simulated components schedule events on the simulation's queue.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("The virtual clock has no timers; schedule an event on the simulation's queue.");
}
