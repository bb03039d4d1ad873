using System.Runtime.InteropServices;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// The eight 32-bit state words of SHA-256 for <see cref="ISha256Lanes{TVector}.Width"/> messages
/// at once, word-major: <see cref="H0"/> holds word 0 of every lane. Passed between kernel stages by
/// reference; inside a stage the words live in registers.
/// </summary>
/// <typeparam name="TVector">The lane register type.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public struct Sha256LaneState<TVector> where TVector : unmanaged
{
    /// <summary>State word 0 of every lane.</summary>
    public TVector H0;

    /// <summary>State word 1 of every lane.</summary>
    public TVector H1;

    /// <summary>State word 2 of every lane.</summary>
    public TVector H2;

    /// <summary>State word 3 of every lane.</summary>
    public TVector H3;

    /// <summary>State word 4 of every lane.</summary>
    public TVector H4;

    /// <summary>State word 5 of every lane.</summary>
    public TVector H5;

    /// <summary>State word 6 of every lane.</summary>
    public TVector H6;

    /// <summary>State word 7 of every lane.</summary>
    public TVector H7;

    /// <summary>The state with every lane at SHA-256's initial hash value.</summary>
    public static Sha256LaneState<TVector> Initial<TLanes>() where TLanes : ISha256Lanes<TVector>
    {
        ReadOnlySpan<uint> iv = Sha256Constants.InitialState;
        return new Sha256LaneState<TVector>
        {
            H0 = TLanes.Broadcast(iv[0]), H1 = TLanes.Broadcast(iv[1]), H2 = TLanes.Broadcast(iv[2]), H3 = TLanes.Broadcast(iv[3]),
            H4 = TLanes.Broadcast(iv[4]), H5 = TLanes.Broadcast(iv[5]), H6 = TLanes.Broadcast(iv[6]), H7 = TLanes.Broadcast(iv[7]),
        };
    }
}
