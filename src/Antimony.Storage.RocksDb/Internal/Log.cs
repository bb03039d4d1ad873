using Microsoft.Extensions.Logging;

namespace Antimony.Storage.RocksDb.Internal;

/// <summary>The store's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Created a new chain store in {Directory}")]
    public static partial void Created(ILogger logger, string directory);

    [LoggerMessage(2, LogLevel.Information, "Opened the chain store in {Directory} at tip {Tip}")]
    public static partial void Opened(ILogger logger, string directory, string tip);

    [LoggerMessage(3, LogLevel.Debug, "Flushed {Coins} coins and {UndoRecords} undo records with tip {Tip}: {Bytes} bytes in {Milliseconds:F1} ms")]
    public static partial void Flushed(ILogger logger, int coins, int undoRecords, string tip, long bytes, double milliseconds);

    [LoggerMessage(4, LogLevel.Information, "Closing the chain store in {Directory} at tip {Tip}")]
    public static partial void Closing(ILogger logger, string directory, string tip);

    [LoggerMessage(5, LogLevel.Error, "The chain store in {Directory} cannot be opened")]
    public static partial void OpenFailed(ILogger logger, string directory, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Rejected a batch computed against tip {Expected}; the store is at {Actual}")]
    public static partial void WrongTip(ILogger logger, string expected, string actual);

    [LoggerMessage(7, LogLevel.Information, "Built the transaction index up to height {Height}")]
    public static partial void TransactionIndexBuilt(ILogger logger, int height);

    [LoggerMessage(8, LogLevel.Error, "Building the transaction index failed; it stays incomplete until the next start")]
    public static partial void TransactionIndexFailed(ILogger logger, Exception exception);
}
