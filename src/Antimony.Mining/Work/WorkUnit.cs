namespace Antimony.Mining.Work;

/// <summary>A slice of one extra-nonce's nonce space for one search call: nonces <c>[Start, End)</c>.</summary>
/// <param name="Candidate">The header being searched.</param>
/// <param name="Start">The first nonce.</param>
/// <param name="End">One past the last nonce (up to 2^32).</param>
internal readonly record struct WorkUnit(HeaderCandidate Candidate, uint Start, ulong End);
