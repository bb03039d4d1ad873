using Microsoft.Extensions.Logging;

namespace Antimony.Mining.Service;

/// <summary>The miner's log messages (stable event ids 5000-5099).</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Miner started with {Threads} threads on the {Path} kernel")]
    public static partial void Started(ILogger logger, int threads, string path);

    [LoggerMessage(5001, LogLevel.Information, "Miner stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(5002, LogLevel.Information, "Block found at height {Height}: {Hash} (nonce {Nonce}, extra-nonce in coinbase, {Transactions} transactions, fees {Fees})")]
    public static partial void BlockFound(ILogger logger, int height, string hash, uint nonce, int transactions, string fees);

    [LoggerMessage(5003, LogLevel.Information, "Found block {Hash} at height {Height} is on a side chain: another block won the height")]
    public static partial void BlockStale(ILogger logger, string hash, int height);

    [LoggerMessage(5004, LogLevel.Error, "Found block {Hash} at height {Height} was rejected: {Reason}")]
    public static partial void BlockRejected(ILogger logger, string hash, int height, string reason);

    [LoggerMessage(5005, LogLevel.Debug, "New tip {Tip}: work on height {Height} abandoned")]
    public static partial void WorkAbandoned(ILogger logger, string tip, int height);

    [LoggerMessage(5006, LogLevel.Error, "Miner failed and stopped")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(5007, LogLevel.Debug, "Mining height {Height} on {Previous}: {Transactions} transactions, fees {Fees}, bits {Bits}")]
    public static partial void Mining(ILogger logger, int height, string previous, int transactions, string fees, string bits);
}
