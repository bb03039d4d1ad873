using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Antimony.P2P.Framing;

/// <summary>
/// The 12-byte command field of a P2P frame ("version", "inv", ...): ASCII, NUL-padded. Held as raw bytes
/// so that looking a command up in the registry costs no string allocation per frame.
/// </summary>
public readonly struct MessageCommand : IEquatable<MessageCommand>
{
    /// <summary>The width of the command field on the wire.</summary>
    public const int Size = 12;

    private readonly ulong _head;
    private readonly uint _tail;

    private MessageCommand(ulong head, uint tail)
    {
        _head = head;
        _tail = tail;
    }

    /// <summary>Creates a command from its name, for declaring message types.</summary>
    /// <exception cref="ArgumentException">The name is longer than 12 characters or not printable ASCII.</exception>
    public static MessageCommand FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > Size)
            throw new ArgumentException($"A command has at most {Size} characters: '{name}'.", nameof(name));
        Span<byte> bytes = stackalloc byte[Size];
        bytes.Clear();
        foreach (char c in name)
        {
            if (c is < ' ' or > '~')
                throw new ArgumentException($"A command is printable ASCII: '{name}'.", nameof(name));
        }
        Encoding.ASCII.GetBytes(name, bytes);
        return FromValidBytes(bytes);
    }

    /// <summary>
    /// Reads the 12-byte field as Bitcoin Core's <c>IsCommandValid</c> does: printable ASCII up to the first NUL,
    /// and only NULs after it. False for anything else, so a peer sending it can be told it misbehaved.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> field, out MessageCommand command)
    {
        command = default;
        if (field.Length != Size)
            return false;
        int end = field.IndexOf((byte)0);
        if (end < 0)
            end = Size;
        var name = field[..end];
        if (name.ContainsAnyExceptInRange((byte)' ', (byte)'~'))
            return false;
        if (field[end..].ContainsAnyExcept((byte)0))
            return false;
        command = FromValidBytes(field);
        return true;
    }

    /// <summary>The command's name without padding.</summary>
    public string Name
    {
        get
        {
            Span<byte> bytes = stackalloc byte[Size];
            CopyTo(bytes);
            int end = bytes.IndexOf((byte)0);
            return Encoding.ASCII.GetString(end < 0 ? bytes : bytes[..end]);
        }
    }

    /// <summary>Writes the 12-byte NUL-padded field.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"The destination needs {Size} bytes.", nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _head);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], _tail);
    }

    /// <inheritdoc />
    public bool Equals(MessageCommand other) => _head == other._head && _tail == other._tail;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is MessageCommand other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_head, _tail);

    /// <summary>The command's name.</summary>
    public override string ToString() => Name;

    /// <summary>Byte equality of the two fields.</summary>
    public static bool operator ==(MessageCommand left, MessageCommand right) => left.Equals(right);

    /// <summary>Byte inequality of the two fields.</summary>
    public static bool operator !=(MessageCommand left, MessageCommand right) => !left.Equals(right);

    private static MessageCommand FromValidBytes(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));
}
