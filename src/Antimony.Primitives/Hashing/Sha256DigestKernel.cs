using System.Runtime.CompilerServices;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// SHA-256 of a 32-byte message (the second half of SHA-256d) for many lanes at once. The padding
/// block is fixed, so the message schedule folds its zero and constant words in at compile time.
/// </summary>
/// <typeparam name="TL">The lane implementation.</typeparam>
/// <typeparam name="TV">Its register type.</typeparam>
[SkipLocalsInit]
public static class Sha256DigestKernel<TL, TV> where TL : ISha256Lanes<TV> where TV : unmanaged
{
    private const uint SmallSigma1Of256 = 0x00a00000; // σ1(256)
    private const uint SmallSigma0Of256 = 0x00400022; // σ0(256)
    private const uint SmallSigma0Of80000000 = 0x11002000; // σ0(0x80000000)

    private static ReadOnlySpan<uint> K => Sha256Constants.K;

    /// <summary>
    /// Replaces <paramref name="state"/>, holding a 32-byte message as eight big-endian words per
    /// lane (typically a first SHA-256 digest), with the SHA-256 of that message.
    /// </summary>
    public static void Hash(ref Sha256LaneState<TV> state)
    {
        TV w0 = state.H0, w1 = state.H1, w2 = state.H2, w3 = state.H3, w4 = state.H4, w5 = state.H5, w6 = state.H6, w7 = state.H7;
        TV a = C(0x6a09e667), b = C(0xbb67ae85), c = C(0x3c6ef372), d = C(0xa54ff53a);
        TV e = C(0x510e527f), f = C(0x9b05688c), g = C(0x1f83d9ab), h = C(0x5be0cd19);
        R(a, b, c, ref d, e, f, g, ref h, KW(0, w0));
        R(h, a, b, ref c, d, e, f, ref g, KW(1, w1));
        R(g, h, a, ref b, c, d, e, ref f, KW(2, w2));
        R(f, g, h, ref a, b, c, d, ref e, KW(3, w3));
        R(e, f, g, ref h, a, b, c, ref d, KW(4, w4));
        R(d, e, f, ref g, h, a, b, ref c, KW(5, w5));
        R(c, d, e, ref f, g, h, a, ref b, KW(6, w6));
        R(b, c, d, ref e, f, g, h, ref a, KW(7, w7));
        R(a, b, c, ref d, e, f, g, ref h, C(K[8] + 0x80000000u));
        R(h, a, b, ref c, d, e, f, ref g, C(K[9]));
        R(g, h, a, ref b, c, d, e, ref f, C(K[10]));
        R(f, g, h, ref a, b, c, d, ref e, C(K[11]));
        R(e, f, g, ref h, a, b, c, ref d, C(K[12]));
        R(d, e, f, ref g, h, a, b, ref c, C(K[13]));
        R(c, d, e, ref f, g, h, a, ref b, C(K[14]));
        R(b, c, d, ref e, f, g, h, ref a, C(K[15] + 256u));
        TV x16 = TL.Add(TL.SmallSigma0(w1), w0);
        R(a, b, c, ref d, e, f, g, ref h, KW(16, x16));
        TV x17 = TL.Add(TL.Add(TL.SmallSigma0(w2), w1), TL.Broadcast(SmallSigma1Of256));
        R(h, a, b, ref c, d, e, f, ref g, KW(17, x17));
        TV x18 = TL.Add(TL.Add(TL.SmallSigma1(x16), TL.SmallSigma0(w3)), w2);
        R(g, h, a, ref b, c, d, e, ref f, KW(18, x18));
        TV x19 = TL.Add(TL.Add(TL.SmallSigma1(x17), TL.SmallSigma0(w4)), w3);
        R(f, g, h, ref a, b, c, d, ref e, KW(19, x19));
        TV x20 = TL.Add(TL.Add(TL.SmallSigma1(x18), TL.SmallSigma0(w5)), w4);
        R(e, f, g, ref h, a, b, c, ref d, KW(20, x20));
        TV x21 = TL.Add(TL.Add(TL.SmallSigma1(x19), TL.SmallSigma0(w6)), w5);
        R(d, e, f, ref g, h, a, b, ref c, KW(21, x21));
        TV x22 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x20), TL.SmallSigma0(w7)), w6), TL.Broadcast(256u));
        R(c, d, e, ref f, g, h, a, ref b, KW(22, x22));
        TV x23 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x21), x16), w7), TL.Broadcast(SmallSigma0Of80000000));
        R(b, c, d, ref e, f, g, h, ref a, KW(23, x23));
        TV x24 = TL.Add(TL.Add(TL.SmallSigma1(x22), x17), TL.Broadcast(0x80000000u));
        R(a, b, c, ref d, e, f, g, ref h, KW(24, x24));
        TV x25 = TL.Add(TL.SmallSigma1(x23), x18);
        R(h, a, b, ref c, d, e, f, ref g, KW(25, x25));
        TV x26 = TL.Add(TL.SmallSigma1(x24), x19);
        R(g, h, a, ref b, c, d, e, ref f, KW(26, x26));
        TV x27 = TL.Add(TL.SmallSigma1(x25), x20);
        R(f, g, h, ref a, b, c, d, ref e, KW(27, x27));
        TV x28 = TL.Add(TL.SmallSigma1(x26), x21);
        R(e, f, g, ref h, a, b, c, ref d, KW(28, x28));
        TV x29 = TL.Add(TL.SmallSigma1(x27), x22);
        R(d, e, f, ref g, h, a, b, ref c, KW(29, x29));
        TV x30 = TL.Add(TL.Add(TL.SmallSigma1(x28), x23), TL.Broadcast(SmallSigma0Of256));
        R(c, d, e, ref f, g, h, a, ref b, KW(30, x30));
        TV x31 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x29), x24), TL.SmallSigma0(x16)), TL.Broadcast(256u));
        R(b, c, d, ref e, f, g, h, ref a, KW(31, x31));
        TV x32 = X(x30, x25, x17, x16);
        R(a, b, c, ref d, e, f, g, ref h, KW(32, x32));
        TV x33 = X(x31, x26, x18, x17);
        R(h, a, b, ref c, d, e, f, ref g, KW(33, x33));
        TV x34 = X(x32, x27, x19, x18);
        R(g, h, a, ref b, c, d, e, ref f, KW(34, x34));
        TV x35 = X(x33, x28, x20, x19);
        R(f, g, h, ref a, b, c, d, ref e, KW(35, x35));
        TV x36 = X(x34, x29, x21, x20);
        R(e, f, g, ref h, a, b, c, ref d, KW(36, x36));
        TV x37 = X(x35, x30, x22, x21);
        R(d, e, f, ref g, h, a, b, ref c, KW(37, x37));
        TV x38 = X(x36, x31, x23, x22);
        R(c, d, e, ref f, g, h, a, ref b, KW(38, x38));
        TV x39 = X(x37, x32, x24, x23);
        R(b, c, d, ref e, f, g, h, ref a, KW(39, x39));
        TV x40 = X(x38, x33, x25, x24);
        R(a, b, c, ref d, e, f, g, ref h, KW(40, x40));
        TV x41 = X(x39, x34, x26, x25);
        R(h, a, b, ref c, d, e, f, ref g, KW(41, x41));
        TV x42 = X(x40, x35, x27, x26);
        R(g, h, a, ref b, c, d, e, ref f, KW(42, x42));
        TV x43 = X(x41, x36, x28, x27);
        R(f, g, h, ref a, b, c, d, ref e, KW(43, x43));
        TV x44 = X(x42, x37, x29, x28);
        R(e, f, g, ref h, a, b, c, ref d, KW(44, x44));
        TV x45 = X(x43, x38, x30, x29);
        R(d, e, f, ref g, h, a, b, ref c, KW(45, x45));
        TV x46 = X(x44, x39, x31, x30);
        R(c, d, e, ref f, g, h, a, ref b, KW(46, x46));
        TV x47 = X(x45, x40, x32, x31);
        R(b, c, d, ref e, f, g, h, ref a, KW(47, x47));
        TV x48 = X(x46, x41, x33, x32);
        R(a, b, c, ref d, e, f, g, ref h, KW(48, x48));
        TV x49 = X(x47, x42, x34, x33);
        R(h, a, b, ref c, d, e, f, ref g, KW(49, x49));
        TV x50 = X(x48, x43, x35, x34);
        R(g, h, a, ref b, c, d, e, ref f, KW(50, x50));
        TV x51 = X(x49, x44, x36, x35);
        R(f, g, h, ref a, b, c, d, ref e, KW(51, x51));
        TV x52 = X(x50, x45, x37, x36);
        R(e, f, g, ref h, a, b, c, ref d, KW(52, x52));
        TV x53 = X(x51, x46, x38, x37);
        R(d, e, f, ref g, h, a, b, ref c, KW(53, x53));
        TV x54 = X(x52, x47, x39, x38);
        R(c, d, e, ref f, g, h, a, ref b, KW(54, x54));
        TV x55 = X(x53, x48, x40, x39);
        R(b, c, d, ref e, f, g, h, ref a, KW(55, x55));
        TV x56 = X(x54, x49, x41, x40);
        R(a, b, c, ref d, e, f, g, ref h, KW(56, x56));
        TV x57 = X(x55, x50, x42, x41);
        R(h, a, b, ref c, d, e, f, ref g, KW(57, x57));
        TV x58 = X(x56, x51, x43, x42);
        R(g, h, a, ref b, c, d, e, ref f, KW(58, x58));
        TV x59 = X(x57, x52, x44, x43);
        R(f, g, h, ref a, b, c, d, ref e, KW(59, x59));
        TV x60 = X(x58, x53, x45, x44);
        R(e, f, g, ref h, a, b, c, ref d, KW(60, x60));
        TV x61 = X(x59, x54, x46, x45);
        R(d, e, f, ref g, h, a, b, ref c, KW(61, x61));
        TV x62 = X(x60, x55, x47, x46);
        R(c, d, e, ref f, g, h, a, ref b, KW(62, x62));
        TV x63 = X(x61, x56, x48, x47);
        R(b, c, d, ref e, f, g, h, ref a, KW(63, x63));
        state.H0 = TL.Add(a, C(0x6a09e667));
        state.H1 = TL.Add(b, C(0xbb67ae85));
        state.H2 = TL.Add(c, C(0x3c6ef372));
        state.H3 = TL.Add(d, C(0xa54ff53a));
        state.H4 = TL.Add(e, C(0x510e527f));
        state.H5 = TL.Add(f, C(0x9b05688c));
        state.H6 = TL.Add(g, C(0x1f83d9ab));
        state.H7 = TL.Add(h, C(0x5be0cd19));
    }

    /// <summary>
    /// Only word 7 of the SHA-256 of the 32-byte message in <paramref name="message"/>: the last
    /// output word, which read little-endian is the most significant 32 bits of a SHA-256d hash
    /// taken as a number. It is final after round 60, so rounds 61-63 are skipped and rounds 57-60
    /// compute only their <c>e</c> half; proof-of-work checks use it to reject almost every nonce.
    /// </summary>
    /// <returns>Output word 7 of every lane, in SHA-256's big-endian word order.</returns>
    public static TV HashWord7(in Sha256LaneState<TV> message)
    {
        TV w0 = message.H0, w1 = message.H1, w2 = message.H2, w3 = message.H3, w4 = message.H4, w5 = message.H5, w6 = message.H6, w7 = message.H7;
        TV a = C(0x6a09e667), b = C(0xbb67ae85), c = C(0x3c6ef372), d = C(0xa54ff53a);
        TV e = C(0x510e527f), f = C(0x9b05688c), g = C(0x1f83d9ab), h = C(0x5be0cd19);
        R(a, b, c, ref d, e, f, g, ref h, KW(0, w0));
        R(h, a, b, ref c, d, e, f, ref g, KW(1, w1));
        R(g, h, a, ref b, c, d, e, ref f, KW(2, w2));
        R(f, g, h, ref a, b, c, d, ref e, KW(3, w3));
        R(e, f, g, ref h, a, b, c, ref d, KW(4, w4));
        R(d, e, f, ref g, h, a, b, ref c, KW(5, w5));
        R(c, d, e, ref f, g, h, a, ref b, KW(6, w6));
        R(b, c, d, ref e, f, g, h, ref a, KW(7, w7));
        R(a, b, c, ref d, e, f, g, ref h, C(K[8] + 0x80000000u));
        R(h, a, b, ref c, d, e, f, ref g, C(K[9]));
        R(g, h, a, ref b, c, d, e, ref f, C(K[10]));
        R(f, g, h, ref a, b, c, d, ref e, C(K[11]));
        R(e, f, g, ref h, a, b, c, ref d, C(K[12]));
        R(d, e, f, ref g, h, a, b, ref c, C(K[13]));
        R(c, d, e, ref f, g, h, a, ref b, C(K[14]));
        R(b, c, d, ref e, f, g, h, ref a, C(K[15] + 256u));
        TV x16 = TL.Add(TL.SmallSigma0(w1), w0);
        R(a, b, c, ref d, e, f, g, ref h, KW(16, x16));
        TV x17 = TL.Add(TL.Add(TL.SmallSigma0(w2), w1), TL.Broadcast(SmallSigma1Of256));
        R(h, a, b, ref c, d, e, f, ref g, KW(17, x17));
        TV x18 = TL.Add(TL.Add(TL.SmallSigma1(x16), TL.SmallSigma0(w3)), w2);
        R(g, h, a, ref b, c, d, e, ref f, KW(18, x18));
        TV x19 = TL.Add(TL.Add(TL.SmallSigma1(x17), TL.SmallSigma0(w4)), w3);
        R(f, g, h, ref a, b, c, d, ref e, KW(19, x19));
        TV x20 = TL.Add(TL.Add(TL.SmallSigma1(x18), TL.SmallSigma0(w5)), w4);
        R(e, f, g, ref h, a, b, c, ref d, KW(20, x20));
        TV x21 = TL.Add(TL.Add(TL.SmallSigma1(x19), TL.SmallSigma0(w6)), w5);
        R(d, e, f, ref g, h, a, b, ref c, KW(21, x21));
        TV x22 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x20), TL.SmallSigma0(w7)), w6), TL.Broadcast(256u));
        R(c, d, e, ref f, g, h, a, ref b, KW(22, x22));
        TV x23 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x21), x16), w7), TL.Broadcast(SmallSigma0Of80000000));
        R(b, c, d, ref e, f, g, h, ref a, KW(23, x23));
        TV x24 = TL.Add(TL.Add(TL.SmallSigma1(x22), x17), TL.Broadcast(0x80000000u));
        R(a, b, c, ref d, e, f, g, ref h, KW(24, x24));
        TV x25 = TL.Add(TL.SmallSigma1(x23), x18);
        R(h, a, b, ref c, d, e, f, ref g, KW(25, x25));
        TV x26 = TL.Add(TL.SmallSigma1(x24), x19);
        R(g, h, a, ref b, c, d, e, ref f, KW(26, x26));
        TV x27 = TL.Add(TL.SmallSigma1(x25), x20);
        R(f, g, h, ref a, b, c, d, ref e, KW(27, x27));
        TV x28 = TL.Add(TL.SmallSigma1(x26), x21);
        R(e, f, g, ref h, a, b, c, ref d, KW(28, x28));
        TV x29 = TL.Add(TL.SmallSigma1(x27), x22);
        R(d, e, f, ref g, h, a, b, ref c, KW(29, x29));
        TV x30 = TL.Add(TL.Add(TL.SmallSigma1(x28), x23), TL.Broadcast(SmallSigma0Of256));
        R(c, d, e, ref f, g, h, a, ref b, KW(30, x30));
        TV x31 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x29), x24), TL.SmallSigma0(x16)), TL.Broadcast(256u));
        R(b, c, d, ref e, f, g, h, ref a, KW(31, x31));
        TV x32 = X(x30, x25, x17, x16);
        R(a, b, c, ref d, e, f, g, ref h, KW(32, x32));
        TV x33 = X(x31, x26, x18, x17);
        R(h, a, b, ref c, d, e, f, ref g, KW(33, x33));
        TV x34 = X(x32, x27, x19, x18);
        R(g, h, a, ref b, c, d, e, ref f, KW(34, x34));
        TV x35 = X(x33, x28, x20, x19);
        R(f, g, h, ref a, b, c, d, ref e, KW(35, x35));
        TV x36 = X(x34, x29, x21, x20);
        R(e, f, g, ref h, a, b, c, ref d, KW(36, x36));
        TV x37 = X(x35, x30, x22, x21);
        R(d, e, f, ref g, h, a, b, ref c, KW(37, x37));
        TV x38 = X(x36, x31, x23, x22);
        R(c, d, e, ref f, g, h, a, ref b, KW(38, x38));
        TV x39 = X(x37, x32, x24, x23);
        R(b, c, d, ref e, f, g, h, ref a, KW(39, x39));
        TV x40 = X(x38, x33, x25, x24);
        R(a, b, c, ref d, e, f, g, ref h, KW(40, x40));
        TV x41 = X(x39, x34, x26, x25);
        R(h, a, b, ref c, d, e, f, ref g, KW(41, x41));
        TV x42 = X(x40, x35, x27, x26);
        R(g, h, a, ref b, c, d, e, ref f, KW(42, x42));
        TV x43 = X(x41, x36, x28, x27);
        R(f, g, h, ref a, b, c, d, ref e, KW(43, x43));
        TV x44 = X(x42, x37, x29, x28);
        R(e, f, g, ref h, a, b, c, ref d, KW(44, x44));
        TV x45 = X(x43, x38, x30, x29);
        R(d, e, f, ref g, h, a, b, ref c, KW(45, x45));
        TV x46 = X(x44, x39, x31, x30);
        R(c, d, e, ref f, g, h, a, ref b, KW(46, x46));
        TV x47 = X(x45, x40, x32, x31);
        R(b, c, d, ref e, f, g, h, ref a, KW(47, x47));
        TV x48 = X(x46, x41, x33, x32);
        R(a, b, c, ref d, e, f, g, ref h, KW(48, x48));
        TV x49 = X(x47, x42, x34, x33);
        R(h, a, b, ref c, d, e, f, ref g, KW(49, x49));
        TV x50 = X(x48, x43, x35, x34);
        R(g, h, a, ref b, c, d, e, ref f, KW(50, x50));
        TV x51 = X(x49, x44, x36, x35);
        R(f, g, h, ref a, b, c, d, ref e, KW(51, x51));
        TV x52 = X(x50, x45, x37, x36);
        R(e, f, g, ref h, a, b, c, ref d, KW(52, x52));
        TV x53 = X(x51, x46, x38, x37);
        R(d, e, f, ref g, h, a, b, ref c, KW(53, x53));
        TV x54 = X(x52, x47, x39, x38);
        R(c, d, e, ref f, g, h, a, ref b, KW(54, x54));
        TV x55 = X(x53, x48, x40, x39);
        R(b, c, d, ref e, f, g, h, ref a, KW(55, x55));
        TV x56 = X(x54, x49, x41, x40);
        R(a, b, c, ref d, e, f, g, ref h, KW(56, x56));
        TV x57 = X(x55, x50, x42, x41);
        RE(ref c, d, e, f, g, KW(57, x57));
        TV x58 = X(x56, x51, x43, x42);
        RE(ref b, c, d, e, f, KW(58, x58));
        TV x59 = X(x57, x52, x44, x43);
        RE(ref a, b, c, d, e, KW(59, x59));
        TV x60 = X(x58, x53, x45, x44);
        RE(ref h, a, b, c, d, KW(60, x60));
        return TL.Add(h, C(0x5be0cd19));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV C(uint value) => TL.Broadcast(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV KW(int round, TV w) => TL.Add(TL.Broadcast(K[round]), w);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV X(TV w2, TV w7, TV w15, TV w16) => Sha256Rounds.Expand<TL, TV>(w2, w7, w15, w16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void R(TV a, TV b, TV c, ref TV d, TV e, TV f, TV g, ref TV h, TV kw) =>
        Sha256Rounds.Round<TL, TV>(a, b, c, ref d, e, f, g, ref h, kw);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RE(ref TV d, TV e, TV f, TV g, TV h, TV kw) => Sha256Rounds.RoundE<TL, TV>(ref d, e, f, g, h, kw);
}
