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

    /// <summary>
    /// Replaces <paramref name="state"/>, holding a 32-byte message as eight big-endian words per
    /// lane (typically a first SHA-256 digest), with the SHA-256 of that message.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash(ref Sha256LaneState<TV> state)
    {
        TV w0 = state.H0, w1 = state.H1, w2 = state.H2, w3 = state.H3, w4 = state.H4, w5 = state.H5, w6 = state.H6, w7 = state.H7;
        TV a = C(0x6a09e667), b = C(0xbb67ae85), c = C(0x3c6ef372), d = C(0xa54ff53a);
        TV e = C(0x510e527f), f = C(0x9b05688c), g = C(0x1f83d9ab), h = C(0x5be0cd19);
        d = TL.Add(C(0x98c7e2a2), w0); // IV3 + T1 without w0
        h = TL.Add(C(0xfc08884d), w0); // T1 + T2 without w0
        TL.Round(h, a, b, ref c, d, e, f, ref g, w1, 0x71374491);
        TL.Round(g, h, a, ref b, c, d, e, ref f, w2, 0xb5c0fbcf);
        TL.Round(f, g, h, ref a, b, c, d, ref e, w3, 0xe9b5dba5);
        TL.Round(e, f, g, ref h, a, b, c, ref d, w4, 0x3956c25b);
        TL.Round(d, e, f, ref g, h, a, b, ref c, w5, 0x59f111f1);
        TL.Round(c, d, e, ref f, g, h, a, ref b, w6, 0x923f82a4);
        TL.Round(b, c, d, ref e, f, g, h, ref a, w7, 0xab1c5ed5);
        TL.RoundK(a, b, c, ref d, e, f, g, ref h, 0x5807aa98);
        TL.RoundK(h, a, b, ref c, d, e, f, ref g, 0x12835b01);
        TL.RoundK(g, h, a, ref b, c, d, e, ref f, 0x243185be);
        TL.RoundK(f, g, h, ref a, b, c, d, ref e, 0x550c7dc3);
        TL.RoundK(e, f, g, ref h, a, b, c, ref d, 0x72be5d74);
        TL.RoundK(d, e, f, ref g, h, a, b, ref c, 0x80deb1fe);
        TL.RoundK(c, d, e, ref f, g, h, a, ref b, 0x9bdc06a7);
        TL.RoundK(b, c, d, ref e, f, g, h, ref a, 0xc19bf274);
        TV x16 = TL.Add(TL.SmallSigma0(w1), w0);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x16, 0xe49b69c1);
        TV x17 = TL.Add(TL.Add(TL.SmallSigma0(w2), w1), TL.Broadcast(SmallSigma1Of256));
        TL.Round(h, a, b, ref c, d, e, f, ref g, x17, 0xefbe4786);
        TV x18 = TL.Add(TL.Add(TL.SmallSigma1(x16), TL.SmallSigma0(w3)), w2);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x18, 0x0fc19dc6);
        TV x19 = TL.Add(TL.Add(TL.SmallSigma1(x17), TL.SmallSigma0(w4)), w3);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x19, 0x240ca1cc);
        TV x20 = TL.Add(TL.Add(TL.SmallSigma1(x18), TL.SmallSigma0(w5)), w4);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x20, 0x2de92c6f);
        TV x21 = TL.Add(TL.Add(TL.SmallSigma1(x19), TL.SmallSigma0(w6)), w5);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x21, 0x4a7484aa);
        TV x22 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x20), TL.SmallSigma0(w7)), w6), TL.Broadcast(256u));
        TL.Round(c, d, e, ref f, g, h, a, ref b, x22, 0x5cb0a9dc);
        TV x23 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x21), x16), w7), TL.Broadcast(SmallSigma0Of80000000));
        TL.Round(b, c, d, ref e, f, g, h, ref a, x23, 0x76f988da);
        TV x24 = TL.Add(TL.Add(TL.SmallSigma1(x22), x17), TL.Broadcast(0x80000000u));
        TL.Round(a, b, c, ref d, e, f, g, ref h, x24, 0x983e5152);
        TV x25 = TL.Add(TL.SmallSigma1(x23), x18);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x25, 0xa831c66d);
        TV x26 = TL.Add(TL.SmallSigma1(x24), x19);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x26, 0xb00327c8);
        TV x27 = TL.Add(TL.SmallSigma1(x25), x20);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x27, 0xbf597fc7);
        TV x28 = TL.Add(TL.SmallSigma1(x26), x21);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x28, 0xc6e00bf3);
        TV x29 = TL.Add(TL.SmallSigma1(x27), x22);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x29, 0xd5a79147);
        TV x30 = TL.Add(TL.Add(TL.SmallSigma1(x28), x23), TL.Broadcast(SmallSigma0Of256));
        TL.Round(c, d, e, ref f, g, h, a, ref b, x30, 0x06ca6351);
        TV x31 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x29), x24), TL.SmallSigma0(x16)), TL.Broadcast(256u));
        TL.Round(b, c, d, ref e, f, g, h, ref a, x31, 0x14292967);
        TV x32 = TL.Expand(x30, x25, x17, x16);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x32, 0x27b70a85);
        TV x33 = TL.Expand(x31, x26, x18, x17);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x33, 0x2e1b2138);
        TV x34 = TL.Expand(x32, x27, x19, x18);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x34, 0x4d2c6dfc);
        TV x35 = TL.Expand(x33, x28, x20, x19);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x35, 0x53380d13);
        TV x36 = TL.Expand(x34, x29, x21, x20);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x36, 0x650a7354);
        TV x37 = TL.Expand(x35, x30, x22, x21);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x37, 0x766a0abb);
        TV x38 = TL.Expand(x36, x31, x23, x22);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x38, 0x81c2c92e);
        TV x39 = TL.Expand(x37, x32, x24, x23);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x39, 0x92722c85);
        TV x40 = TL.Expand(x38, x33, x25, x24);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x40, 0xa2bfe8a1);
        TV x41 = TL.Expand(x39, x34, x26, x25);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x41, 0xa81a664b);
        TV x42 = TL.Expand(x40, x35, x27, x26);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x42, 0xc24b8b70);
        TV x43 = TL.Expand(x41, x36, x28, x27);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x43, 0xc76c51a3);
        TV x44 = TL.Expand(x42, x37, x29, x28);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x44, 0xd192e819);
        TV x45 = TL.Expand(x43, x38, x30, x29);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x45, 0xd6990624);
        TV x46 = TL.Expand(x44, x39, x31, x30);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x46, 0xf40e3585);
        TV x47 = TL.Expand(x45, x40, x32, x31);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x47, 0x106aa070);
        TV x48 = TL.Expand(x46, x41, x33, x32);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x48, 0x19a4c116);
        TV x49 = TL.Expand(x47, x42, x34, x33);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x49, 0x1e376c08);
        TV x50 = TL.Expand(x48, x43, x35, x34);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x50, 0x2748774c);
        TV x51 = TL.Expand(x49, x44, x36, x35);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x51, 0x34b0bcb5);
        TV x52 = TL.Expand(x50, x45, x37, x36);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x52, 0x391c0cb3);
        TV x53 = TL.Expand(x51, x46, x38, x37);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x53, 0x4ed8aa4a);
        TV x54 = TL.Expand(x52, x47, x39, x38);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x54, 0x5b9cca4f);
        TV x55 = TL.Expand(x53, x48, x40, x39);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x55, 0x682e6ff3);
        TV x56 = TL.Expand(x54, x49, x41, x40);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x56, 0x748f82ee);
        TV x57 = TL.Expand(x55, x50, x42, x41);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x57, 0x78a5636f);
        TV x58 = TL.Expand(x56, x51, x43, x42);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x58, 0x84c87814);
        TV x59 = TL.Expand(x57, x52, x44, x43);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x59, 0x8cc70208);
        TV x60 = TL.Expand(x58, x53, x45, x44);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x60, 0x90befffa);
        TV x61 = TL.Expand(x59, x54, x46, x45);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x61, 0xa4506ceb);
        TV x62 = TL.Expand(x60, x55, x47, x46);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x62, 0xbef9a3f7);
        TV x63 = TL.Expand(x61, x56, x48, x47);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x63, 0xc67178f2);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TV HashWord7(in Sha256LaneState<TV> message)
    {
        TV w0 = message.H0, w1 = message.H1, w2 = message.H2, w3 = message.H3, w4 = message.H4, w5 = message.H5, w6 = message.H6, w7 = message.H7;
        TV a = C(0x6a09e667), b = C(0xbb67ae85), c = C(0x3c6ef372), d = C(0xa54ff53a);
        TV e = C(0x510e527f), f = C(0x9b05688c), g = C(0x1f83d9ab), h = C(0x5be0cd19);
        d = TL.Add(C(0x98c7e2a2), w0); // IV3 + T1 without w0
        h = TL.Add(C(0xfc08884d), w0); // T1 + T2 without w0
        TL.Round(h, a, b, ref c, d, e, f, ref g, w1, 0x71374491);
        TL.Round(g, h, a, ref b, c, d, e, ref f, w2, 0xb5c0fbcf);
        TL.Round(f, g, h, ref a, b, c, d, ref e, w3, 0xe9b5dba5);
        TL.Round(e, f, g, ref h, a, b, c, ref d, w4, 0x3956c25b);
        TL.Round(d, e, f, ref g, h, a, b, ref c, w5, 0x59f111f1);
        TL.Round(c, d, e, ref f, g, h, a, ref b, w6, 0x923f82a4);
        TL.Round(b, c, d, ref e, f, g, h, ref a, w7, 0xab1c5ed5);
        TL.RoundK(a, b, c, ref d, e, f, g, ref h, 0x5807aa98);
        TL.RoundK(h, a, b, ref c, d, e, f, ref g, 0x12835b01);
        TL.RoundK(g, h, a, ref b, c, d, e, ref f, 0x243185be);
        TL.RoundK(f, g, h, ref a, b, c, d, ref e, 0x550c7dc3);
        TL.RoundK(e, f, g, ref h, a, b, c, ref d, 0x72be5d74);
        TL.RoundK(d, e, f, ref g, h, a, b, ref c, 0x80deb1fe);
        TL.RoundK(c, d, e, ref f, g, h, a, ref b, 0x9bdc06a7);
        TL.RoundK(b, c, d, ref e, f, g, h, ref a, 0xc19bf274);
        TV x16 = TL.Add(TL.SmallSigma0(w1), w0);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x16, 0xe49b69c1);
        TV x17 = TL.Add(TL.Add(TL.SmallSigma0(w2), w1), TL.Broadcast(SmallSigma1Of256));
        TL.Round(h, a, b, ref c, d, e, f, ref g, x17, 0xefbe4786);
        TV x18 = TL.Add(TL.Add(TL.SmallSigma1(x16), TL.SmallSigma0(w3)), w2);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x18, 0x0fc19dc6);
        TV x19 = TL.Add(TL.Add(TL.SmallSigma1(x17), TL.SmallSigma0(w4)), w3);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x19, 0x240ca1cc);
        TV x20 = TL.Add(TL.Add(TL.SmallSigma1(x18), TL.SmallSigma0(w5)), w4);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x20, 0x2de92c6f);
        TV x21 = TL.Add(TL.Add(TL.SmallSigma1(x19), TL.SmallSigma0(w6)), w5);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x21, 0x4a7484aa);
        TV x22 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x20), TL.SmallSigma0(w7)), w6), TL.Broadcast(256u));
        TL.Round(c, d, e, ref f, g, h, a, ref b, x22, 0x5cb0a9dc);
        TV x23 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x21), x16), w7), TL.Broadcast(SmallSigma0Of80000000));
        TL.Round(b, c, d, ref e, f, g, h, ref a, x23, 0x76f988da);
        TV x24 = TL.Add(TL.Add(TL.SmallSigma1(x22), x17), TL.Broadcast(0x80000000u));
        TL.Round(a, b, c, ref d, e, f, g, ref h, x24, 0x983e5152);
        TV x25 = TL.Add(TL.SmallSigma1(x23), x18);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x25, 0xa831c66d);
        TV x26 = TL.Add(TL.SmallSigma1(x24), x19);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x26, 0xb00327c8);
        TV x27 = TL.Add(TL.SmallSigma1(x25), x20);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x27, 0xbf597fc7);
        TV x28 = TL.Add(TL.SmallSigma1(x26), x21);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x28, 0xc6e00bf3);
        TV x29 = TL.Add(TL.SmallSigma1(x27), x22);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x29, 0xd5a79147);
        TV x30 = TL.Add(TL.Add(TL.SmallSigma1(x28), x23), TL.Broadcast(SmallSigma0Of256));
        TL.Round(c, d, e, ref f, g, h, a, ref b, x30, 0x06ca6351);
        TV x31 = TL.Add(TL.Add(TL.Add(TL.SmallSigma1(x29), x24), TL.SmallSigma0(x16)), TL.Broadcast(256u));
        TL.Round(b, c, d, ref e, f, g, h, ref a, x31, 0x14292967);
        TV x32 = TL.Expand(x30, x25, x17, x16);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x32, 0x27b70a85);
        TV x33 = TL.Expand(x31, x26, x18, x17);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x33, 0x2e1b2138);
        TV x34 = TL.Expand(x32, x27, x19, x18);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x34, 0x4d2c6dfc);
        TV x35 = TL.Expand(x33, x28, x20, x19);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x35, 0x53380d13);
        TV x36 = TL.Expand(x34, x29, x21, x20);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x36, 0x650a7354);
        TV x37 = TL.Expand(x35, x30, x22, x21);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x37, 0x766a0abb);
        TV x38 = TL.Expand(x36, x31, x23, x22);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x38, 0x81c2c92e);
        TV x39 = TL.Expand(x37, x32, x24, x23);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x39, 0x92722c85);
        TV x40 = TL.Expand(x38, x33, x25, x24);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x40, 0xa2bfe8a1);
        TV x41 = TL.Expand(x39, x34, x26, x25);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x41, 0xa81a664b);
        TV x42 = TL.Expand(x40, x35, x27, x26);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x42, 0xc24b8b70);
        TV x43 = TL.Expand(x41, x36, x28, x27);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x43, 0xc76c51a3);
        TV x44 = TL.Expand(x42, x37, x29, x28);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x44, 0xd192e819);
        TV x45 = TL.Expand(x43, x38, x30, x29);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x45, 0xd6990624);
        TV x46 = TL.Expand(x44, x39, x31, x30);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x46, 0xf40e3585);
        TV x47 = TL.Expand(x45, x40, x32, x31);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x47, 0x106aa070);
        TV x48 = TL.Expand(x46, x41, x33, x32);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x48, 0x19a4c116);
        TV x49 = TL.Expand(x47, x42, x34, x33);
        TL.Round(h, a, b, ref c, d, e, f, ref g, x49, 0x1e376c08);
        TV x50 = TL.Expand(x48, x43, x35, x34);
        TL.Round(g, h, a, ref b, c, d, e, ref f, x50, 0x2748774c);
        TV x51 = TL.Expand(x49, x44, x36, x35);
        TL.Round(f, g, h, ref a, b, c, d, ref e, x51, 0x34b0bcb5);
        TV x52 = TL.Expand(x50, x45, x37, x36);
        TL.Round(e, f, g, ref h, a, b, c, ref d, x52, 0x391c0cb3);
        TV x53 = TL.Expand(x51, x46, x38, x37);
        TL.Round(d, e, f, ref g, h, a, b, ref c, x53, 0x4ed8aa4a);
        TV x54 = TL.Expand(x52, x47, x39, x38);
        TL.Round(c, d, e, ref f, g, h, a, ref b, x54, 0x5b9cca4f);
        TV x55 = TL.Expand(x53, x48, x40, x39);
        TL.Round(b, c, d, ref e, f, g, h, ref a, x55, 0x682e6ff3);
        TV x56 = TL.Expand(x54, x49, x41, x40);
        TL.Round(a, b, c, ref d, e, f, g, ref h, x56, 0x748f82ee);
        TV x57 = TL.Expand(x55, x50, x42, x41);
        TL.RoundE(ref c, d, e, f, g, x57, 0x78a5636f);
        TV x58 = TL.Expand(x56, x51, x43, x42);
        TL.RoundE(ref b, c, d, e, f, x58, 0x84c87814);
        TV x59 = TL.Expand(x57, x52, x44, x43);
        TL.RoundE(ref a, b, c, d, e, x59, 0x8cc70208);
        TV x60 = TL.Expand(x58, x53, x45, x44);
        TL.RoundE(ref h, a, b, c, d, x60, 0x90befffa);
        return TL.Add(h, C(0x5be0cd19));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV C(uint value) => TL.Broadcast(value);
}
