using System.Buffers.Binary;
using Antimony.Primitives.Hashing;

namespace Antimony.Mining.Search;

/// <summary>
/// Everything about an 80-byte header's first SHA-256 that does not depend on the nonce, computed
/// once per template: the state after the first 64-byte block (the midstate), the state after the
/// first three rounds of the second block (they read only the merkle tail, time and bits), the
/// nonce-free parts of round 3, and the constant parts of the second block's message schedule.
/// </summary>
/// <remarks>
/// The second block is <c>W0..W2</c> = last 12 header bytes before the nonce, <c>W3</c> = the nonce
/// (byte-swapped, since SHA-256 reads words big-endian and the header stores it little-endian),
/// <c>W4 = 0x80000000</c>, <c>W5..W14 = 0</c>, <c>W15 = 640</c> (the 80-byte length in bits).
/// </remarks>
internal sealed class NonceMidstate
{
    /// <summary>The chaining state after the first block.</summary>
    public readonly uint M0, M1, M2, M3, M4, M5, M6, M7;

    /// <summary>New <c>a</c> and <c>e</c> of round 3 without the nonce word; the kernel adds it.</summary>
    public readonly uint A4Part, E4Part;

    /// <summary>The other six working variables after round 3 (they do not depend on the nonce).</summary>
    public readonly uint B4, C4, D4, F4, G4, H4;

    /// <summary>Schedule words 16 and 17 (nonce-free), and <c>K + W</c> for their rounds.</summary>
    public readonly uint W16, W17, KW16, KW17;

    /// <summary>The nonce-free terms of schedule words 18, 19, 31 and 32.</summary>
    public readonly uint W18Part, W19Part, W31Part, W32Part;

    public NonceMidstate(ReadOnlySpan<byte> prefix)
    {
        Span<uint> block = stackalloc uint[16];
        for (int i = 0; i < 16; i++)
            block[i] = BinaryPrimitives.ReadUInt32BigEndian(prefix[(4 * i)..]);
        var state = Sha256LaneState<uint>.Initial<ScalarSha256Lanes>();
        Sha256BlockKernel<ScalarSha256Lanes, uint>.Compress(ref state, block);
        (M0, M1, M2, M3, M4, M5, M6, M7) = (state.H0, state.H1, state.H2, state.H3, state.H4, state.H5, state.H6, state.H7);

        uint w0 = BinaryPrimitives.ReadUInt32BigEndian(prefix[64..]);
        uint w1 = BinaryPrimitives.ReadUInt32BigEndian(prefix[68..]);
        uint w2 = BinaryPrimitives.ReadUInt32BigEndian(prefix[72..]);
        ReadOnlySpan<uint> k = Sha256Constants.K;
        uint a = M0, b = M1, c = M2, d = M3, e = M4, f = M5, g = M6, h = M7;
        Step(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, k[0] + w0);
        Step(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, k[1] + w1);
        Step(ref a, ref b, ref c, ref d, ref e, ref f, ref g, ref h, k[2] + w2);
        uint t1 = h + ScalarSha256Lanes.BigSigma1(e) + ScalarSha256Lanes.Choose(e, f, g) + k[3];
        uint t2 = ScalarSha256Lanes.BigSigma0(a) + ScalarSha256Lanes.Majority(a, b, c);
        (A4Part, B4, C4, D4) = (t1 + t2, a, b, c);
        (E4Part, F4, G4, H4) = (d + t1, e, f, g);

        W16 = ScalarSha256Lanes.SmallSigma0(w1) + w0;
        W17 = ScalarSha256Lanes.SmallSigma1(640) + ScalarSha256Lanes.SmallSigma0(w2) + w1;
        KW16 = k[16] + W16;
        KW17 = k[17] + W17;
        W18Part = ScalarSha256Lanes.SmallSigma1(W16) + w2;
        W19Part = ScalarSha256Lanes.SmallSigma1(W17) + ScalarSha256Lanes.SmallSigma0(0x80000000);
        W31Part = ScalarSha256Lanes.SmallSigma0(W16) + 640;
        W32Part = ScalarSha256Lanes.SmallSigma0(W17) + W16;
    }

    private static void Step(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint f, ref uint g, ref uint h, uint kw)
    {
        uint t1 = h + ScalarSha256Lanes.BigSigma1(e) + ScalarSha256Lanes.Choose(e, f, g) + kw;
        uint t2 = ScalarSha256Lanes.BigSigma0(a) + ScalarSha256Lanes.Majority(a, b, c);
        (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
    }
}
