using System.Buffers.Binary;

namespace Antimony.Mining.Search;

/// <summary>
/// What a nonce search needs from a block template: the first 76 bytes of the 80-byte header
/// (everything but the nonce) and the proof-of-work target, plus the nonce-independent part of the
/// header's hash, computed once here so each nonce costs only the rest.
/// </summary>
/// <remarks>
/// The header layout is Bitcoin's: version, previous block hash, merkle root, time, bits, nonce, all
/// little-endian. The target is a 256-bit number in 32 little-endian bytes (the order a hash is
/// compared in); a header meets it when SHA-256d(header), read as a little-endian number, is at most
/// the target. The default value holds nothing and is rejected by the search.
/// </remarks>
public readonly struct HeaderTemplate
{
    /// <summary>The header length in bytes.</summary>
    public const int HeaderSize = 80;

    /// <summary>The length of the part before the nonce.</summary>
    public const int PrefixSize = 76;

    /// <summary>The target length in bytes.</summary>
    public const int TargetSize = 32;

    private readonly byte[]? _prefix;
    private readonly byte[]? _target;
    private readonly NonceMidstate? _midstate;

    /// <summary>Creates a template from a header (76 bytes, or 80 with a nonce that is ignored) and a 32-byte little-endian target.</summary>
    /// <exception cref="ArgumentException">The header is not 76 or 80 bytes, or the target is not 32 bytes.</exception>
    public HeaderTemplate(ReadOnlySpan<byte> header, ReadOnlySpan<byte> target)
    {
        if (header.Length is not (PrefixSize or HeaderSize))
            throw new ArgumentException($"A header is {HeaderSize} bytes ({PrefixSize} without the nonce); got {header.Length}.", nameof(header));
        if (target.Length != TargetSize)
            throw new ArgumentException($"A target is {TargetSize} little-endian bytes; got {target.Length}.", nameof(target));
        _prefix = header[..PrefixSize].ToArray();
        _target = target.ToArray();
        _midstate = new NonceMidstate(_prefix);
    }

    /// <summary>Whether this is the empty default value rather than a real template.</summary>
    public bool IsDefault => _midstate is null;

    /// <summary>The 76 header bytes before the nonce.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix;

    /// <summary>The target as 32 little-endian bytes.</summary>
    public ReadOnlySpan<byte> Target => _target;

    /// <summary>The most significant 32 bits of the target: the kernels' first, cheap comparison.</summary>
    public uint TargetTopWord => _target is null ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(_target.AsSpan(28));

    internal NonceMidstate Midstate => _midstate ?? throw new ArgumentException("The template is the empty default value.");

    /// <summary>Writes the full 80-byte header with <paramref name="nonce"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 80 bytes, or this is the default value.</exception>
    public void WriteHeader(uint nonce, Span<byte> destination)
    {
        if (_prefix is null)
            throw new ArgumentException("The template is the empty default value.");
        if (destination.Length < HeaderSize)
            throw new ArgumentException($"A header needs {HeaderSize} bytes.", nameof(destination));
        _prefix.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[PrefixSize..], nonce);
    }

    /// <summary>
    /// Whether a 32-byte hash in internal order, read as a little-endian number, is at most the
    /// target: the full proof-of-work comparison, most significant byte first.
    /// </summary>
    public bool IsMetBy(ReadOnlySpan<byte> hash)
    {
        ReadOnlySpan<byte> target = Target;
        for (int i = TargetSize - 1; i >= 0; i--)
        {
            if (hash[i] != target[i])
                return hash[i] < target[i];
        }
        return true;
    }
}
