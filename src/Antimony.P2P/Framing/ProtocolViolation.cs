namespace Antimony.P2P.Framing;

/// <summary>
/// What a peer did wrong on the wire. One code per rule (btcd's <c>MessageError</c>, but typed), so the peer
/// layer can disconnect and discourage on the code, and tests match codes instead of message strings.
/// </summary>
public enum ProtocolViolation
{
    /// <summary>No violation.</summary>
    None = 0,

    /// <summary>The frame does not start with this network's magic: wrong network, or a desynchronised stream.</summary>
    BadMagic,

    /// <summary>The command field has a non-printable character, or something other than NUL after the first NUL.</summary>
    InvalidCommand,

    /// <summary>The length field exceeds the connection's global payload limit; rejected before the payload is buffered.</summary>
    OversizedPayload,

    /// <summary>The length field exceeds the maximum that the command's payload can ever have (btcd's per-message limit).</summary>
    PayloadTooLargeForCommand,

    /// <summary>The checksum field is not the first four bytes of SHA-256d(payload).</summary>
    BadChecksum,

    /// <summary>The command is not registered and the connection rejects unknown commands (by default they are skipped, as Bitcoin Core does).</summary>
    UnknownCommand,

    /// <summary>The payload does not decode as its command's message: truncated, trailing bytes, non-canonical or invalid fields.</summary>
    MalformedPayload,

    /// <summary>A count or length inside the payload exceeds the protocol's limit (50,000 inventory entries, 1,000 addresses, 2,000 headers, 101 locator hashes, 256-byte user agent).</summary>
    TooManyItems,

    /// <summary>The peer closed its side of the connection in the middle of a frame, which can then never complete.</summary>
    TruncatedFrame,
}
