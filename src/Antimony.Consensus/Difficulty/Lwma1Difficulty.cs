using System.Numerics;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Difficulty;

/// <summary>
/// zawy12's LWMA-1 retarget: the next target is the average of the last N targets scaled by the
/// linearly weighted average of their solve times (the latest weighted N, the oldest 1) over the spacing.
/// </summary>
/// <remarks>
/// <para>For the block at height h with N = <see cref="ChainParameters.LwmaWindow"/> and spacing T:
/// solve time s_j = time(h-N-1+j) − time(h-N-2+j), clamped to [−6T, 6T] (negative times are allowed so
/// a forged future timestamp is paid back by the next honest one); t = Σ j·s_j, raised to at least
/// k/10 with k = N(N+1)T/2; next = (Σ target_j) · t / (k · N), capped at the proof-of-work limit.</para>
/// <para>Antimony computes the product before the division on exact integers (intermediates reach about
/// 2^280), unlike zawy's C++ which divides each target first to fit 256 bits. The exact order makes a
/// chain at the target spacing keep its bits unchanged instead of drifting one mantissa step per block;
/// a re-implementation must use at least 320-bit intermediates. Heights up to N use the limit.</para>
/// </remarks>
public sealed class Lwma1Difficulty : IDifficultyAlgorithm
{
    private readonly ChainParameters _parameters;
    private readonly BigInteger _powLimit;

    /// <summary>Retargets for <paramref name="parameters"/>.</summary>
    public Lwma1Difficulty(ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters;
        _powLimit = (BigInteger)parameters.PowLimit;
    }

    /// <inheritdoc />
    public CompactTarget GetNextBits(ChainEntry previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        int n = _parameters.LwmaWindow;
        long spacing = (long)_parameters.TargetSpacing.TotalSeconds;
        int height = previous.Height + 1;
        if (height <= n)
            return _parameters.PowLimitBits;

        // window[0] is the block before the first solve time; window[n] is `previous`.
        var window = new ChainEntry[n + 1];
        var walk = previous;
        for (int i = n; i >= 0; i--, walk = walk.Previous!)
            window[i] = walk;

        long k = n * (n + 1L) * spacing / 2;
        long weighted = 0;
        BigInteger sumTargets = BigInteger.Zero;
        for (int j = 1; j <= n; j++)
        {
            long solveTime = (long)window[j].Header.Time - window[j - 1].Header.Time;
            solveTime = Math.Clamp(solveTime, -6 * spacing, 6 * spacing);
            weighted += solveTime * j;
            sumTargets += (BigInteger)window[j].Header.Bits.ToTarget(); // LWMA-1's products exceed 256 bits
        }
        // zawy's guard: a run of negative solve times must not make the target tiny, zero or negative.
        weighted = Math.Max(weighted, k / 10);

        var next = sumTargets * weighted / (k * n);
        if (next > _powLimit)
            next = _powLimit;
        if (next.IsZero)
            next = BigInteger.One;
        return CompactTarget.FromTarget((UInt256)next);
    }
}
