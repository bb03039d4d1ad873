using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Signing;

/// <summary>
/// Pippenger's bucket method for <c>k_1 P_1 + ... + k_m P_m</c> over affine points: per window of c bits,
/// every point is added once into the bucket of its digit, and the buckets are summed with two running
/// sums. About <c>(bits / c) * (m + 2^(c+1))</c> additions instead of a full scalar multiplication per point.
/// </summary>
internal static class Pippenger
{
    /// <summary>The sum of <c>scalars[i] * (xs[i], ys[i])</c>.</summary>
    public static JacobianPoint Sum(ReadOnlySpan<FieldElement> xs, ReadOnlySpan<FieldElement> ys, ReadOnlySpan<MsmScalar> scalars)
    {
        int count = scalars.Length, bits = 0;
        foreach (ref readonly MsmScalar scalar in scalars)
            bits = Math.Max(bits, scalar.BitLength);
        if (bits == 0)
            return JacobianPoint.Infinity;

        int width = WindowWidth(count);
        var buckets = new JacobianPoint[(1 << width) - 1];
        JacobianPoint result = JacobianPoint.Infinity;
        for (int window = (bits - 1) / width; window >= 0; window--)
        {
            for (int i = 0; i < width && !result.IsInfinity; i++)
                result = result.Double();

            Array.Fill(buckets, JacobianPoint.Infinity);
            int offset = window * width;
            for (int i = 0; i < count; i++)
            {
                int digit = scalars[i].Window(offset, width);
                if (digit != 0)
                    buckets[digit - 1] = buckets[digit - 1].AddAffine(xs[i], ys[i]);
            }

            // sum_d d * B_d = B_top + (B_top + B_top-1) + ...: one running sum, one total.
            JacobianPoint running = JacobianPoint.Infinity, windowSum = JacobianPoint.Infinity;
            for (int d = buckets.Length - 1; d >= 0; d--)
            {
                running = running.Add(buckets[d]);
                windowSum = windowSum.Add(running);
            }
            result = result.Add(windowSum);
        }
        return result;
    }

    // Roughly log2(m) - 3 balances the per-point additions against the 2^(c+1) bucket additions.
    private static int WindowWidth(int count) => Math.Clamp(63 - (int)ulong.LeadingZeroCount((ulong)count) - 3, 2, 12);
}
