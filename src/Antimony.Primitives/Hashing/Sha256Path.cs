namespace Antimony.Primitives.Hashing;

/// <summary>
/// The ways the multi-lane SHA-256 kernels can run on this CPU, from slowest to fastest. Callers
/// normally take the best one (<see cref="Sha256Lanes.BestPath"/>); tests and benchmarks name a
/// path explicitly to compare them.
/// </summary>
public enum Sha256Path
{
    /// <summary>One message at a time on 32-bit integers; always available.</summary>
    Scalar = 0,

    /// <summary>8 messages at a time on <c>Vector256&lt;uint&gt;</c> using only AVX2 (rotates as two shifts and an or).</summary>
    Vector256 = 1,

    /// <summary>8 messages at a time on <c>Vector256&lt;uint&gt;</c> with AVX-512VL's single-instruction rotates and ternary logic.</summary>
    Vector256Avx512 = 2,

    /// <summary>16 messages at a time on <c>Vector512&lt;uint&gt;</c> (AVX-512F/BW).</summary>
    Vector512 = 3,
}
