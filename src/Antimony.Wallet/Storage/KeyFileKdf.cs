namespace Antimony.Wallet.Storage;

/// <summary>
/// A key-derivation function and its cost, stored in the key file's header so a file opens with the
/// parameters it was written with even after the defaults change.
/// </summary>
/// <param name="Kind">The function.</param>
/// <param name="Cost">scrypt's N (a power of two) or PBKDF2's iteration count.</param>
/// <param name="BlockSize">scrypt's r (0 for PBKDF2).</param>
/// <param name="Parallelism">scrypt's p (0 for PBKDF2).</param>
public readonly record struct KeyFileKdf(KeyFileKdfKind Kind, int Cost, int BlockSize, int Parallelism)
{
    /// <summary>The largest scrypt N a file may ask for (2^20: 1 GiB at r = 8), so a crafted file cannot exhaust memory.</summary>
    public const int MaxScryptCost = 1 << 20;

    /// <summary>The most PBKDF2 iterations a file may ask for.</summary>
    public const int MaxPbkdf2Iterations = 10_000_000;

    /// <summary>
    /// The default: scrypt with N = 2^15, r = 8, p = 1 (32 MiB and a fraction of a second per unlock) — the
    /// cost of RFC 7914's interactive example, kept below the node's memory budget.
    /// </summary>
    public static KeyFileKdf Default { get; } = Scrypt(15);

    /// <summary>scrypt with N = 2^<paramref name="log2Cost"/>.</summary>
    public static KeyFileKdf Scrypt(int log2Cost = 15, int blockSize = 8, int parallelism = 1) =>
        new(KeyFileKdfKind.Scrypt, 1 << log2Cost, blockSize, parallelism);

    /// <summary>PBKDF2-HMAC-SHA256 with <paramref name="iterations"/> rounds (OWASP's 2023 advice is 600,000).</summary>
    public static KeyFileKdf Pbkdf2Sha256(int iterations = 600_000) => new(KeyFileKdfKind.Pbkdf2Sha256, iterations, 0, 0);

    /// <summary>Whether the parameters are ones this library accepts (also checked when a file is read).</summary>
    public bool IsSupported => Kind switch
    {
        KeyFileKdfKind.Scrypt => Cost > 1 && (Cost & (Cost - 1)) == 0 && Cost <= MaxScryptCost
            && BlockSize is >= 1 and <= 32 && Parallelism is >= 1 and <= 16,
        KeyFileKdfKind.Pbkdf2Sha256 => Cost is >= 1 and <= MaxPbkdf2Iterations && BlockSize == 0 && Parallelism == 0,
        _ => false,
    };
}
