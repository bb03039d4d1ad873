namespace Antimony.P2P.Messages;

/// <summary>
/// Protocol versions that gate features, with Bitcoin's numbers: a peer gets only what its version has.
/// </summary>
public static class ProtocolVersion
{
    /// <summary>The version Antimony speaks (Bitcoin's 70016, the one that added wtxidrelay).</summary>
    public const int Current = 70016;

    /// <summary>The oldest version accepted (70001: the version message carries the relay flag, BIP37).</summary>
    public const int MinimumSupported = 70001;

    /// <summary>From this version a peer may send <c>sendheaders</c> (BIP130).</summary>
    public const int SendHeaders = 70012;

    /// <summary>From this version a peer may send <c>feefilter</c> (BIP133).</summary>
    public const int FeeFilter = 70013;

    /// <summary>From this version a peer may send <c>wtxidrelay</c> (BIP339).</summary>
    public const int WtxidRelay = 70016;
}
