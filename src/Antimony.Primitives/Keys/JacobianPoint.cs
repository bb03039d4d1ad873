namespace Antimony.Primitives.Keys;

/// <summary>
/// A secp256k1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), allocation-free, for the sums of
/// batch verification. Formulas from the Explicit-Formulas Database for a = 0 curves (dbl-2009-l,
/// madd-2007-bl, add-2007-bl), with the special cases (doubling, inverse points, infinity) handled.
/// </summary>
/// <remarks>Variable time: public data only.</remarks>
internal readonly struct JacobianPoint
{
    public readonly FieldElement X, Y, Z;
    public readonly bool IsInfinity;

    private JacobianPoint(in FieldElement x, in FieldElement y, in FieldElement z, bool infinity)
    {
        X = x;
        Y = y;
        Z = z;
        IsInfinity = infinity;
    }

    public static JacobianPoint Infinity => new(FieldElement.One, FieldElement.One, FieldElement.Zero, true);

    /// <summary>The affine point (x, y).</summary>
    public static JacobianPoint FromAffine(in FieldElement x, in FieldElement y) => new(x, y, FieldElement.One, false);

    /// <summary>2P (dbl-2009-l: 2M + 5S).</summary>
    public JacobianPoint Double()
    {
        // secp256k1 has no point of order 2 (y = 0 is impossible), so only infinity is special.
        if (IsInfinity)
            return this;
        FieldElement a = X.Square(), b = Y.Square(), c = b.Square();
        FieldElement d = ((X + b).Square() - a - c).Double();
        FieldElement e = a.Double() + a;
        FieldElement x3 = e.Square() - d.Double();
        FieldElement c8 = c.Double().Double().Double();
        FieldElement y3 = e * (d - x3) - c8;
        FieldElement z3 = (Y * Z).Double();
        return new JacobianPoint(x3, y3, z3, false);
    }

    /// <summary>P + (x2, y2) for an affine point (madd-2007-bl: 7M + 4S).</summary>
    public JacobianPoint AddAffine(in FieldElement x2, in FieldElement y2)
    {
        if (IsInfinity)
            return FromAffine(x2, y2);
        FieldElement z1z1 = Z.Square();
        FieldElement u2 = x2 * z1z1, s2 = y2 * Z * z1z1;
        FieldElement h = u2 - X, r = (s2 - Y).Double();
        if (h.IsZero)
            return r.IsZero ? Double() : Infinity; // same point: double; inverse points: infinity
        FieldElement hh = h.Square(), i = hh.Double().Double(), j = h * i, v = X * i;
        FieldElement x3 = r.Square() - j - v.Double();
        FieldElement y3 = r * (v - x3) - (Y * j).Double();
        FieldElement z3 = (Z + h).Square() - z1z1 - hh;
        return new JacobianPoint(x3, y3, z3, false);
    }

    /// <summary>P + Q for two Jacobian points (add-2007-bl: 11M + 5S).</summary>
    public JacobianPoint Add(in JacobianPoint q)
    {
        if (IsInfinity)
            return q;
        if (q.IsInfinity)
            return this;
        FieldElement z1z1 = Z.Square(), z2z2 = q.Z.Square();
        FieldElement u1 = X * z2z2, u2 = q.X * z1z1;
        FieldElement s1 = Y * q.Z * z2z2, s2 = q.Y * Z * z1z1;
        FieldElement h = u2 - u1, r = (s2 - s1).Double();
        if (h.IsZero)
            return r.IsZero ? Double() : Infinity;
        FieldElement i = h.Double().Square(), j = h * i, v = u1 * i;
        FieldElement x3 = r.Square() - j - v.Double();
        FieldElement y3 = r * (v - x3) - (s1 * j).Double();
        FieldElement z3 = ((Z + q.Z).Square() - z1z1 - z2z2) * h;
        return new JacobianPoint(x3, y3, z3, false);
    }

    /// <summary>The affine coordinates (one inversion); false for infinity.</summary>
    public bool TryToAffine(out FieldElement x, out FieldElement y)
    {
        x = y = default;
        if (IsInfinity)
            return false;
        FieldElement zi = Z.Invert(), zi2 = zi.Square();
        x = X * zi2;
        y = Y * zi2 * zi;
        return true;
    }
}
