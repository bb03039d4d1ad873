using Microsoft.Extensions.Logging;

namespace Antimony.Consensus.Mempool;

/// <summary>The mempool's log messages, with stable event ids (200-299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Accepted transaction {Txid} (fee {Fee}, {VirtualSize} vB, replaced {Replaced})")]
    public static partial void Accepted(ILogger logger, string txid, string fee, int virtualSize, int replaced);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Refused transaction {Txid}: {Code} {Detail}")]
    public static partial void Rejected(ILogger logger, string txid, string code, string? detail);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Holding orphan transaction {Txid}; {Orphans} orphans")]
    public static partial void Orphaned(ILogger logger, string txid, int orphans);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Mempool over its size cap: evicted {Count} transactions, minimum fee rate now {MinimumFeeRate}")]
    public static partial void Evicted(ILogger logger, int count, string minimumFeeRate);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Reorganization: re-admitted {Readmitted} of {Offered} disconnected transactions, removed {Removed} now invalid")]
    public static partial void Reorganized(ILogger logger, int readmitted, int offered, int removed);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "Block at height {Height}: removed {Included} included and {Conflicts} conflicting transactions")]
    public static partial void BlockConnected(ILogger logger, int height, int included, int conflicts);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Expired {Count} transactions older than {Expiry}")]
    public static partial void Expired(ILogger logger, int count, TimeSpan expiry);
}
