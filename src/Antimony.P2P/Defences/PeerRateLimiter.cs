namespace Antimony.P2P.Defences;

/// <summary>
/// One peer's receive budgets: a message bucket, a byte bucket (frame bytes, header included) and a small
/// bucket for commands this node does not know. Blocks the node asked this peer for are not charged: the
/// download window already bounds them, and charging them would throttle an honest sync.
/// </summary>
internal sealed class PeerRateLimiter
{
    private TokenBucket _messages;
    private TokenBucket _bytes;
    private TokenBucket _unknown;

    /// <summary>Creates full buckets from the limits.</summary>
    public PeerRateLimiter(RateLimits limits, TimeProvider time)
    {
        _messages = new TokenBucket(limits.MessageBurst, limits.MessageRate, time);
        _bytes = new TokenBucket(limits.ByteBurst, limits.ByteRate, time);
        _unknown = new TokenBucket(limits.UnknownMessageBurst, limits.UnknownMessageRate, time);
    }

    /// <summary>Charges one received frame; returns the misbehaviour if a budget is exhausted, else null.</summary>
    public MisbehaviourReason? Charge(long frameBytes, bool unknownCommand)
    {
        if (!_messages.TryTake(1) || !_bytes.TryTake(frameBytes))
            return MisbehaviourReason.RateLimited;
        if (unknownCommand && !_unknown.TryTake(1))
            return MisbehaviourReason.UnknownCommandFlood;
        return null;
    }
}
