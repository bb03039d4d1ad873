using Antimony.Primitives.Keys;
using Org.BouncyCastle.Math;

namespace Antimony.Primitives.Signing;

/// <summary>
/// The terms <c>k_i * P_i</c> of a multi-scalar multiplication, each stored GLV-split as
/// <c>k1 * (x, ±y) + k2 * (βx, ±y)</c> so every scalar the sum handles is about 128 bits long.
/// </summary>
internal sealed class MsmTerms
{
    private readonly FieldElement[] _xs;
    private readonly FieldElement[] _ys;
    private readonly MsmScalar[] _scalars;
    private int _count;

    /// <summary>Room for <paramref name="terms"/> terms (twice as many split points).</summary>
    public MsmTerms(int terms)
    {
        _xs = new FieldElement[2 * terms];
        _ys = new FieldElement[2 * terms];
        _scalars = new MsmScalar[2 * terms];
    }

    /// <summary>Adds <c>k * (x, y)</c> for an affine curve point and a scalar in [0, n).</summary>
    public void Add(in FieldElement x, in FieldElement y, BigInteger k)
    {
        Glv.Split(k, out var k1, out bool negative1, out var k2, out bool negative2);
        FieldElement minusY = y.Negate();
        _xs[_count] = x;
        _ys[_count] = negative1 ? minusY : y;
        _scalars[_count++] = k1;
        _xs[_count] = Glv.Beta * x;
        _ys[_count] = negative2 ? minusY : y;
        _scalars[_count++] = k2;
    }

    /// <summary>The sum of all terms added.</summary>
    public JacobianPoint Sum() => Pippenger.Sum(_xs.AsSpan(0, _count), _ys.AsSpan(0, _count), _scalars.AsSpan(0, _count));
}
