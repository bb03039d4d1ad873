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

    /// <summary>FIPS 180-4 Σ0: <c>ROTR2 ^ ROTR13 ^ ROTR22</c>.</summary>
    static abstract TVector BigSigma0(TVector x);

    /// <summary>FIPS 180-4 Σ1: <c>ROTR6 ^ ROTR11 ^ ROTR25</c>.</summary>
    static abstract TVector BigSigma1(TVector x);

    /// <summary>FIPS 180-4 σ0: <c>ROTR7 ^ ROTR18 ^ SHR3</c>.</summary>
    static abstract TVector SmallSigma0(TVector x);

    /// <summary>FIPS 180-4 σ1: <c>ROTR17 ^ ROTR19 ^ SHR10</c>.</summary>
    static abstract TVector SmallSigma1(TVector x);

    /// <summary>Ch: for each bit, <paramref name="f"/> where <paramref name="e"/> is set, else <paramref name="g"/>.</summary>
    static abstract TVector Choose(TVector e, TVector f, TVector g);

    /// <summary>Maj: for each bit, the value held by at least two of the three inputs.</summary>
    static abstract TVector Majority(TVector a, TVector b, TVector c);

    /// <summary>Reverses the bytes of each lane (big-endian message words to little-endian numbers).</summary>
    static abstract TVector ReverseBytes(TVector x);

    /// <summary>A bit mask with bit <c>i</c> set where lane <c>i</c> is at most <paramref name="bound"/> (unsigned).</summary>
    static abstract uint LanesAtOrBelow(TVector x, uint bound);

    /// <summary>Loads <see cref="Width"/> lanes from <paramref name="lanes"/>.</summary>
    static abstract TVector Load(ReadOnlySpan<uint> lanes);

    /// <summary>Stores the <see cref="Width"/> lanes of <paramref name="x"/> into <paramref name="lanes"/>.</summary>
    static abstract void Store(TVector x, Span<uint> lanes);
}
