using System.Runtime.Intrinsics;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// Which multi-lane SHA-256 path this process can run, and which one is fastest. Decided once at
/// start-up from the CPU's features as the runtime reports them (so <c>DOTNET_EnableAVX512=0</c>
/// or <c>DOTNET_EnableAVX2=0</c> take the wider paths away).
/// </summary>
public static class Sha256Lanes
{
    /// <summary>
    /// The fastest available path: 16 lanes where 512-bit vectors are accelerated, else 8 lanes with
    /// AVX-512VL instructions, else 8 lanes with AVX2, else scalar.
    /// </summary>
    public static Sha256Path BestPath { get; } =
        Vector512.IsHardwareAccelerated && IsAvailable(Sha256Path.Vector512) ? Sha256Path.Vector512
        : IsAvailable(Sha256Path.Vector256Avx512) ? Sha256Path.Vector256Avx512
        : IsAvailable(Sha256Path.Vector256) ? Sha256Path.Vector256
        : Sha256Path.Scalar;

    /// <summary>Whether <paramref name="path"/> can execute here; calling an unavailable path throws <see cref="PlatformNotSupportedException"/>.</summary>
    public static bool IsAvailable(Sha256Path path) => path switch
    {
        Sha256Path.Scalar => true,
        Sha256Path.Vector256 => Avx2Sha256Lanes.IsSupported,
        Sha256Path.Vector256Avx512 => Avx512VlSha256Lanes.IsSupported,
        Sha256Path.Vector512 => Avx512Sha256Lanes.IsSupported,
        _ => false,
    };

    /// <summary>How many messages <paramref name="path"/> hashes at once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined path.</exception>
    public static int WidthOf(Sha256Path path) => path switch
    {
        Sha256Path.Scalar => 1,
        Sha256Path.Vector256 or Sha256Path.Vector256Avx512 => 8,
        Sha256Path.Vector512 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a SHA-256 path."),
    };

    /// <summary>Throws unless <paramref name="path"/> is defined and available.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined path.</exception>
    /// <exception cref="PlatformNotSupportedException">The CPU or runtime configuration lacks the path's instructions.</exception>
    public static void EnsureAvailable(Sha256Path path)
    {
        if (!Enum.IsDefined(path))
            throw new ArgumentOutOfRangeException(nameof(path), path, "Not a SHA-256 path.");
        if (!IsAvailable(path))
            throw new PlatformNotSupportedException($"The {path} SHA-256 path needs instructions this CPU or runtime configuration does not offer.");
    }
}
