using Microsoft.Extensions.Logging;

namespace Antimony.P2P.Hosting;

/// <summary>The peer-to-peer layer's log messages (source-generated).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Listening for peers on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Peer {Peer} connected ({Direction}, version {Version}, {UserAgent}, height {Height})")]
    public static partial void PeerConnected(ILogger logger, string peer, string direction, int version, string userAgent, int height);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Peer {Peer} disconnected: {Reason}")]
    public static partial void PeerDisconnected(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Handshake with {Peer} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Peer {Peer} misbehaved ({Reason}: {Detail}); discouraged: {Discouraged}")]
    public static partial void Misbehaved(ILogger logger, string peer, Defences.MisbehaviourReason reason, string detail, bool discouraged);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Connecting to {EndPoint} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string endPoint, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Peer {Peer} dropped: banned ({Ban})")]
    public static partial void PeerBanned(ILogger logger, string peer, string ban);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "The ban list {Path} is damaged and was ignored (starting with no bans): {Error}")]
    public static partial void BanListDamaged(ILogger logger, string path, string error);
}
