using Antimony.P2P.Defences;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Antimony.P2P.Tests.Defences;

public sealed class TokenBucketTests
{
    // A step of a scenario: advance the clock by some milliseconds, then try to take some tokens.
    private static readonly Arbitrary<(int Ms, int Cost)[]> Steps =
        Gen.Zip(Gen.Choose(0, 2_000), Gen.Choose(0, 300)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Never_holds_more_than_its_capacity_nor_less_than_nothing() =>
        Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(1, 1_000).ToArbitrary(), Steps, (capacity, rate, steps) =>
        {
            var clock = new FakeTimeProvider();
            var bucket = new TokenBucket(capacity, rate, clock);
            foreach (var (ms, cost) in steps)
            {
                clock.Advance(TimeSpan.FromMilliseconds(ms));
                bucket.TryTake(cost);
                double available = bucket.Available;
                if (available > capacity + 1e-9 || available < -1e-9)
                    return false.Label($"available {available} outside [0, {capacity}]");
            }
            return true.Label("bounded");
        });

    [Property(MaxTest = 300)]
    public Property Takes_at_most_the_capacity_plus_the_rate_times_the_elapsed_time() =>
        Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(1, 1_000).ToArbitrary(), Steps, (capacity, rate, steps) =>
        {
            var clock = new FakeTimeProvider();
            var bucket = new TokenBucket(capacity, rate, clock);
            double taken = 0, seconds = 0;
            foreach (var (ms, cost) in steps)
            {
                clock.Advance(TimeSpan.FromMilliseconds(ms));
                seconds += ms / 1000.0;
                if (bucket.TryTake(cost))
                    taken += cost;
            }
            return (taken <= capacity + rate * seconds + 1e-6).Label($"took {taken} in {seconds} s");
        });

    [Property(MaxTest = 300)]
    public Property Refills_at_its_rate_up_to_its_capacity() =>
        Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(1, 1_000).ToArbitrary(), Gen.Choose(0, 5_000).ToArbitrary(), (capacity, rate, ms) =>
        {
            var clock = new FakeTimeProvider();
            var bucket = new TokenBucket(capacity, rate, clock);
            bool drained = bucket.TryTake(capacity);
            clock.Advance(TimeSpan.FromMilliseconds(ms));
            double expected = Math.Min(capacity, rate * ms / 1000.0);
            return (drained && Math.Abs(bucket.Available - expected) < 1e-6).Label($"available {bucket.Available}, expected {expected}");
        });

    [Fact]
    public void A_failed_take_takes_nothing()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(10, 1, clock);
        Assert.True(bucket.TryTake(7));
        Assert.False(bucket.TryTake(4));
        Assert.True(bucket.TryTake(3));
        Assert.False(bucket.TryTake(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryTake(1));
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        var clock = new FakeTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(0, 1, clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(1, double.NaN, clock));
        var bucket = new TokenBucket(1, 1, clock);
        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.TryTake(-1));
    }

    [Fact]
    public void A_peer_limiter_reports_the_budget_it_exhausted()
    {
        var clock = new FakeTimeProvider();
        var limiter = new PeerRateLimiter(new RateLimits(MessageRate: 1, MessageBurst: 5, ByteRate: 100, ByteBurst: 1_000, UnknownMessageRate: 1, UnknownMessageBurst: 2), clock);
        Assert.Null(limiter.Charge(100, unknownCommand: true));
        Assert.Null(limiter.Charge(100, unknownCommand: true));
        Assert.Equal(MisbehaviourReason.UnknownCommandFlood, limiter.Charge(100, unknownCommand: true));
        Assert.Equal(MisbehaviourReason.RateLimited, limiter.Charge(1_000, unknownCommand: false));
        Assert.Null(limiter.Charge(10, unknownCommand: false));
        Assert.Equal(MisbehaviourReason.RateLimited, limiter.Charge(10, unknownCommand: false)); // sixth message
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(limiter.Charge(10, unknownCommand: false));
    }
}
