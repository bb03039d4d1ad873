namespace Antimony.P2P.Defences;

/// <summary>The per-peer receive budgets in effect (taken from the options; the byte burst is at least one largest frame).</summary>
internal sealed record RateLimits(double MessageRate, double MessageBurst, double ByteRate, double ByteBurst, double UnknownMessageRate, double UnknownMessageBurst);
