namespace Antimony.P2P.Defences;

/// <summary>
/// Why a peer was disconnected for misbehaviour: one value per rule the node enforces, so logs, the
/// <c>antimony.p2p.misbehaviour</c> metric (tag <c>reason</c>) and discouragement entries say what happened
/// without parsing messages. Every reason disconnects at once and discourages the address unless it is allowed.
/// </summary>
public enum MisbehaviourReason
{
    /// <summary>A frame did not start with this network's magic (another network, or a desynchronised stream such as random bytes).</summary>
    WrongMagic = 1,

    /// <summary>A frame's command field was not NUL-padded printable ASCII.</summary>
    InvalidCommand,

    /// <summary>A frame's length field exceeded the global limit or its command's own (a 4 GB length, a 2 MB <c>ping</c>).</summary>
    OversizedPayload,

    /// <summary>A frame's checksum did not match its payload.</summary>
    BadChecksum,

    /// <summary>A payload did not decode as its command's message (truncated, trailing bytes, invalid fields).</summary>
    Malformed,

    /// <summary>A count inside a payload exceeded its protocol limit: a 50,001-entry inv/getdata/notfound, over 1,000 addresses, over 2,000 headers, over 101 locator hashes.</summary>
    OversizedInventory,

    /// <summary>A frame was cut off: the peer closed the connection, or went silent for <c>FrameTimeout</c>, in the middle of a frame.</summary>
    TruncatedFrame,

    /// <summary>A command this node does not know, on a connection that rejects unknown commands.</summary>
    UnknownCommand,

    /// <summary>More unknown commands than the unknown-command budget allows (Bitcoin Core ignores a few; a flood is abuse).</summary>
    UnknownCommandFlood,

    /// <summary>More messages or bytes than the per-peer token buckets allow (<c>MessageRate</c>/<c>MessageBurst</c>, <c>ByteRate</c>/<c>ByteBurst</c>).</summary>
    RateLimited,

    /// <summary>Messages out of the protocol's order: a second <c>version</c>, <c>version</c>/<c>verack</c> after the handshake, a message before <c>version</c>.</summary>
    ProtocolOrder,

    /// <summary>A <c>headers</c> message whose headers do not chain to one another.</summary>
    NonContinuousHeaders,

    /// <summary>More than 10 <c>headers</c> messages in a row whose first header's parent is unknown (Bitcoin Core's MAX_NUM_UNCONNECTING_HEADERS_MSGS).</summary>
    UnconnectableHeaders,

    /// <summary>A header that breaks a consensus rule (proof of work, difficulty, timestamp, checkpoint).</summary>
    InvalidHeader,

    /// <summary>A block that breaks a consensus rule, or whose transactions do not match its header (mutated).</summary>
    InvalidBlock,

    /// <summary>A transaction that breaks a consensus rule (policy rejections are not misbehaviour).</summary>
    InvalidTransaction,
}
