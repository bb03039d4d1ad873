namespace Antimony.Mining.Search;

/// <summary>The outcome of searching a nonce range.</summary>
/// <param name="Nonces">The nonces whose header hash meets the target, in ascending order, each confirmed by the full comparison.</param>
/// <param name="HashesComputed">How many nonces of the range were hashed: the whole range, or fewer when cancelled.</param>
/// <param name="Cancelled">Whether the search stopped early because its cancellation token fired; the searched part is <c>[start, start + HashesComputed)</c>.</param>
public readonly record struct NonceSearchResult(IReadOnlyList<uint> Nonces, ulong HashesComputed, bool Cancelled);
