using System.Security.Cryptography;
using System.Text;

namespace Antimony.Primitives.Hashing;

/// <summary>
/// A BIP340 tagged hash: <c>SHA-256(SHA-256(tag) || SHA-256(tag) || message)</c>. Domain separation
/// makes a hash computed for one purpose useless as a hash for another.
/// </summary>
public sealed class HashTag
{
    /// <summary>BIP340's challenge hash <c>e = H(R || P || m)</c>.</summary>
    public static HashTag Bip340Challenge { get; } = new("BIP0340/challenge");

    /// <summary>BIP340's auxiliary-randomness hash used in signing.</summary>
    public static HashTag Bip340Aux { get; } = new("BIP0340/aux");

    /// <summary>BIP340's nonce-derivation hash used in signing.</summary>
    public static HashTag Bip340Nonce { get; } = new("BIP0340/nonce");

    /// <summary>BIP341's output-key tweak <c>t = H(P || merkle_root)</c>.</summary>
    public static HashTag TapTweak { get; } = new("TapTweak");

    /// <summary>BIP341's signature hash.</summary>
    public static HashTag TapSighash { get; } = new("TapSighash");

    /// <summary>BIP341's script-leaf hash.</summary>
    public static HashTag TapLeaf { get; } = new("TapLeaf");

    /// <summary>BIP341's script-branch hash.</summary>
    public static HashTag TapBranch { get; } = new("TapBranch");

    private const int StackLimit = 512;

    private readonly byte[] _prefix; // SHA-256(tag) twice: one 64-byte SHA-256 block

    /// <summary>Creates a tag; the tag's own hash is computed once here.</summary>
    public HashTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Tag = tag;
        _prefix = new byte[64];
        SHA256.HashData(Encoding.UTF8.GetBytes(tag), _prefix);
        _prefix.AsSpan(0, 32).CopyTo(_prefix.AsSpan(32));
    }

    /// <summary>The tag text, e.g. <c>BIP0340/challenge</c>.</summary>
    public string Tag { get; }

    /// <summary>The tagged hash of one message.</summary>
    public Hash256 Hash(ReadOnlySpan<byte> message) => Hash(message, [], []);

    /// <summary>The tagged hash of the concatenation of several parts, without concatenating them first.</summary>
    public Hash256 Hash(ReadOnlySpan<byte> part1, ReadOnlySpan<byte> part2, ReadOnlySpan<byte> part3 = default)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        int length = _prefix.Length + part1.Length + part2.Length + part3.Length;
        if (length <= StackLimit)
        {
            // Signature hashes and key tweaks are short: one contiguous buffer and a one-shot hash, no allocation.
            Span<byte> buffer = stackalloc byte[length];
            _prefix.CopyTo(buffer);
            part1.CopyTo(buffer[_prefix.Length..]);
            part2.CopyTo(buffer[(_prefix.Length + part1.Length)..]);
            part3.CopyTo(buffer[(_prefix.Length + part1.Length + part2.Length)..]);
            SHA256.HashData(buffer, digest);
        }
        else
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(_prefix);
            sha.AppendData(part1);
            sha.AppendData(part2);
            sha.AppendData(part3);
            sha.GetHashAndReset(digest);
        }
        return new Hash256(digest);
    }

    /// <inheritdoc />
    public override string ToString() => Tag;
}
