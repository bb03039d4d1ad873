using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Antimony.Primitives.Hashing;

/// <summary>One lane on plain 32-bit integers: the always-available path and the reference the vector paths are checked against.</summary>
public readonly struct ScalarSha256Lanes : ISha256Lanes<uint>
{
    /// <inheritdoc />
    public static int Width => 1;

    /// <inheritdoc />
    public static bool IsSupported => true;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Broadcast(uint value) => value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Ascending(uint first) => first;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b) => a + b;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Round(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint w, uint k)
    {
        uint t1 = h + k + w + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) + (((f ^ g) & e) ^ g);
        d += t1;
        h = t1 + (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) + ((a & b) | ((a | b) & c));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundK(uint a, uint b, uint c, ref uint d, uint e, uint f, uint g, ref uint h, uint kw)
    {
        uint t1 = h + kw + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) + (((f ^ g) & e) ^ g);
        d += t1;
        h = t1 + (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) + ((a & b) | ((a | b) & c));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RoundE(ref uint d, uint e, uint f, uint g, uint h, uint w, uint k) =>
        d += h + k + w + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) + (((f ^ g) & e) ^ g);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Expand(uint w2, uint w7, uint w15, uint w16) =>
        (BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10)) + w7
        + (BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3)) + w16;

    /// <summary>FIPS 180-4 Σ0: <c>ROTR2 ^ ROTR13 ^ ROTR22</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    /// <summary>FIPS 180-4 Σ1: <c>ROTR6 ^ ROTR11 ^ ROTR25</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint BigSigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);

    /// <summary>Ch: for each bit, <paramref name="f"/> where <paramref name="e"/> is set, else <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Choose(uint e, uint f, uint g) => ((f ^ g) & e) ^ g;

    /// <summary>Maj: for each bit, the value held by at least two of the three inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Majority(uint a, uint b, uint c) => (a & b) | ((a | b) & c);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ReverseBytes(uint x) => BinaryPrimitives.ReverseEndianness(x);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe uint GatherBigEndian(byte* first, int stride) => BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(first));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LanesAtOrBelow(uint x, uint bound) => x <= bound ? 1u : 0u;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Load(ReadOnlySpan<uint> lanes) => lanes[0];

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(uint x, Span<uint> lanes) => lanes[0] = x;
}
