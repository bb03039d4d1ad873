using System.Runtime.CompilerServices;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// One SHA-256 round and one message-schedule step, generic over the lane implementation, so each
/// kernel unrolls the rounds it needs and can skip or precompute the rest.
/// </summary>
/// <remarks>
/// A round only changes two of the eight working variables (the new <c>e</c> is written into the
/// old <c>d</c>, the new <c>a</c> into the old <c>h</c>); callers rotate the roles of their eight
/// locals from round to round instead of moving values.
/// </remarks>
public static class Sha256Rounds
{
    /// <summary>
    /// A full round: <c>T1 = h + Σ1(e) + Ch(e,f,g) + kw</c>, <c>d += T1</c>, <c>h = T1 + Σ0(a) + Maj(a,b,c)</c>,
    /// where <c>kw</c> is the round constant plus the message word, <c>K[i] + W[i]</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round<TLanes, TVector>(TVector a, TVector b, TVector c, ref TVector d, TVector e, TVector f, TVector g, ref TVector h, TVector kw)
        where TLanes : ISha256Lanes<TVector> where TVector : unmanaged
    {
        TVector t1 = TLanes.Add(TLanes.Add(h, kw), TLanes.Add(TLanes.BigSigma1(e), TLanes.Choose(e, f, g)));
        d = TLanes.Add(d, t1);
        h = TLanes.Add(t1, TLanes.Add(TLanes.BigSigma0(a), TLanes.Majority(a, b, c)));
    }

    /// <summary>
    /// Only the <c>e</c> half of a round (<c>d += T1</c>): enough in the last rounds when a caller
    /// needs just some of the final state words and the new <c>a</c> would never be read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundE<TLanes, TVector>(ref TVector d, TVector e, TVector f, TVector g, TVector h, TVector kw)
        where TLanes : ISha256Lanes<TVector> where TVector : unmanaged =>
        d = TLanes.Add(d, TLanes.Add(TLanes.Add(h, kw), TLanes.Add(TLanes.BigSigma1(e), TLanes.Choose(e, f, g))));

    /// <summary>The message schedule: <c>W[i] = σ1(W[i-2]) + W[i-7] + σ0(W[i-15]) + W[i-16]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Expand<TLanes, TVector>(TVector w2, TVector w7, TVector w15, TVector w16)
        where TLanes : ISha256Lanes<TVector> where TVector : unmanaged =>
        TLanes.Add(TLanes.Add(TLanes.SmallSigma1(w2), w7), TLanes.Add(TLanes.SmallSigma0(w15), w16));
}
