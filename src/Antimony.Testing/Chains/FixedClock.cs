namespace Antimony.Testing.Chains;

/// <summary>A clock stopped at one instant, so a builder's header checks never depend on the machine's time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
