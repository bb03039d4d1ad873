using Antimony.Consensus.Validation;
using Microsoft.Extensions.Logging;

namespace Antimony.Consensus.Chain;

/// <summary>The chain state's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Chain state ready on {Network}: tip {Tip} at height {Height}, {Headers} headers")]
    public static partial void Loaded(ILogger logger, string network, string tip, int height, int headers);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Connected block {Hash} at height {Height}")]
    public static partial void Connected(ILogger logger, string hash, int height);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Disconnected block {Hash} at height {Height}")]
    public static partial void Disconnected(ILogger logger, string hash, int height);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "New tip {Hash} at height {Height} after disconnecting {Depth} blocks")]
    public static partial void TipChanged(ILogger logger, string hash, int height, int depth);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Rejected block {Hash}: {Reason}")]
    public static partial void Rejected(ILogger logger, string hash, ValidationResult reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Block {Hash} at height {Height} failed to connect: {Reason}; it and its descendants are marked invalid")]
    public static partial void ConnectFailed(ILogger logger, string hash, int height, ValidationResult reason);
}
