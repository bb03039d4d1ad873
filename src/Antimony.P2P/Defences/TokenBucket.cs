namespace Antimony.P2P.Defences;

/// <summary>
/// A token bucket: it holds at most <see cref="Capacity"/> tokens, refills continuously at
/// <see cref="RatePerSecond"/> of <see cref="TimeProvider"/> time, and starts full. A charge succeeds only
/// when enough tokens are there, so over any interval T at most Capacity + Rate x T tokens are taken: bursts
/// up to the capacity pass, a sustained flood above the rate does not.
/// </summary>
/// <remarks>
/// A mutable struct on purpose: each peer embeds its buckets in its own (non-readonly) fields and charges
/// them from its one receive loop, so there is no allocation and no lock. Never copy a bucket in use.
/// </remarks>
public struct TokenBucket
{
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    /// <summary>Creates a full bucket.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or the rate is not a positive finite number.</exception>
    public TokenBucket(double capacity, double ratePerSecond, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!double.IsFinite(capacity) || capacity <= 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be positive and finite.");
        if (!double.IsFinite(ratePerSecond) || ratePerSecond <= 0)
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be positive and finite.");
        Capacity = capacity;
        RatePerSecond = ratePerSecond;
        _time = time;
        _tokens = capacity;
        _stamp = time.GetTimestamp();
    }

    /// <summary>The most tokens the bucket holds: the largest burst it lets through.</summary>
    public double Capacity { get; }

    /// <summary>Tokens added per second: the sustained rate it lets through.</summary>
    public double RatePerSecond { get; }

    /// <summary>The tokens available now.</summary>
    public double Available
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    /// <summary>Takes <paramref name="cost"/> tokens if that many are available; otherwise takes none and returns false.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or not finite.</exception>
    public bool TryTake(double cost)
    {
        if (!double.IsFinite(cost) || cost < 0)
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "The cost must be a non-negative finite number.");
        Refill();
        if (_tokens < cost)
            return false;
        _tokens -= cost;
        return true;
    }

    private void Refill()
    {
        if (_time is null)
            return; // default(TokenBucket): empty and never refilled
        long now = _time.GetTimestamp();
        double seconds = (double)(now - _stamp) / _time.TimestampFrequency;
        _stamp = now;
        if (seconds > 0)
            _tokens = Math.Min(Capacity, _tokens + seconds * RatePerSecond);
    }
}
