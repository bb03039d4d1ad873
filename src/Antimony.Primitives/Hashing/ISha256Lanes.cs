namespace Antimony.Primitives.Hashing;

/// <summary>
/// The 32-bit lane operations SHA-256 is built from, for one vector shape and instruction set.
/// Kernels are written once as generics over an implementation of this interface; because every
/// implementation is a struct, the JIT compiles a separate, fully inlined copy per instruction set.
/// </summary>
/// <typeparam name="TVector">The register type: <see cref="uint"/> for one lane, or a vector of <see cref="uint"/>.</typeparam>
public interface ISha256Lanes<TVector> where TVector : unmanaged
{
    /// <summary>How many independent messages one <typeparamref name="TVector"/> carries.</summary>
    static abstract int Width { get; }

    /// <summary>Whether this CPU and runtime configuration can execute the implementation.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(uint value);

    /// <summary>Lane <c>i</c> set to <c>first + i</c> (wrapping), e.g. consecutive nonces.</summary>
    static abstract TVector Ascending(uint first);

    /// <summary>Lane-wise addition modulo 2^32.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>
    /// One full round with message word <paramref name="w"/> and round constant <paramref name="k"/>:
    /// <c>T1 = h + k + w + Σ1(e) + Ch(e,f,g)</c>, <c>d += T1</c>, <c>h = T1 + Σ0(a) + Maj(a,b,c)</c>.
    /// Callers rotate the roles of their eight locals from round to round instead of moving values.
    /// The whole round is one method so that the JIT inlines one call per round: kernels unroll 64
    /// rounds, and the JIT stops inlining (and enregistering) when a method accumulates too many inlinees.
    /// </summary>
    static abstract void Round(TVector a, TVector b, TVector c, ref TVector d, TVector e, TVector f, TVector g, ref TVector h, TVector w, uint k);

    /// <summary>A full round whose round constant plus message word <paramref name="kw"/> is the same in every lane.</summary>
    static abstract void RoundK(TVector a, TVector b, TVector c, ref TVector d, TVector e, TVector f, TVector g, ref TVector h, uint kw);

    /// <summary>
    /// Only the <c>e</c> half of a round (<c>d += T1</c>): enough in the last rounds when a caller needs
    /// only some final state words and the new <c>a</c> would never be read.
    /// </summary>
    static abstract void RoundE(ref TVector d, TVector e, TVector f, TVector g, TVector h, TVector w, uint k);

    /// <summary>The message schedule: <c>W[i] = σ1(W[i-2]) + W[i-7] + σ0(W[i-15]) + W[i-16]</c>.</summary>
    static abstract TVector Expand(TVector w2, TVector w7, TVector w15, TVector w16);

    /// <summary>FIPS 180-4 σ0: <c>ROTR7 ^ ROTR18 ^ SHR3</c>.</summary>
    static abstract TVector SmallSigma0(TVector x);

    /// <summary>FIPS 180-4 σ1: <c>ROTR17 ^ ROTR19 ^ SHR10</c>.</summary>
    static abstract TVector SmallSigma1(TVector x);

    /// <summary>Reverses the bytes of each lane (big-endian message words to little-endian numbers).</summary>
    static abstract TVector ReverseBytes(TVector x);

    /// <summary>A bit mask with bit <c>i</c> set where lane <c>i</c> is at most <paramref name="bound"/> (unsigned).</summary>
    static abstract uint LanesAtOrBelow(TVector x, uint bound);

    /// <summary>
    /// Reads one big-endian message word per lane from <see cref="Width"/> messages laid out
    /// <paramref name="stride"/> bytes apart (lane <c>i</c> reads at <c>first + i × stride</c>): the
    /// transposition from message-major memory to the word-major registers the kernels work on.
    /// </summary>
    /// <param name="first">The word's address in lane 0's message; the memory must be pinned and readable for every lane.</param>
    /// <param name="stride">The distance between consecutive messages in bytes.</param>
    static abstract unsafe TVector GatherBigEndian(byte* first, int stride);

    /// <summary>Loads <see cref="Width"/> lanes from <paramref name="lanes"/>.</summary>
    static abstract TVector Load(ReadOnlySpan<uint> lanes);

    /// <summary>Stores the <see cref="Width"/> lanes of <paramref name="x"/> into <paramref name="lanes"/>.</summary>
    static abstract void Store(TVector x, Span<uint> lanes);
}
