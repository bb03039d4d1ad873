using Microsoft.Extensions.Logging;

namespace Antimony.Wallet.Hosting;

/// <summary>The node wallet's log messages, with stable event ids (4000-4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Created a new wallet in {Path} (BIP86 account {AccountPath})")]
    public static partial void Created(ILogger logger, string path, string accountPath);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "No wallet passphrase configured: generated one and stored it in {PassphraseFile} (mode 0600). Anyone who can read the wallet directory can spend its coins; set Antimony:Wallet:Passphrase and move that file off the machine.")]
    public static partial void GeneratedPassphrase(ILogger logger, string passphraseFile);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Wallet opened at height {Height}: {Transactions} transactions, catching up to {TipHeight}")]
    public static partial void Opened(ILogger logger, int height, int transactions, int tipHeight);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Wallet rewound from height {From} to {To} after a reorganization")]
    public static partial void Rewound(ILogger logger, int from, int to);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Sent {Txid}: {Amount} to {Address}, fee {Fee}")]
    public static partial void Sent(ILogger logger, string txid, string amount, string address, string fee);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Wallet transaction {Txid} abandoned: {Reason}")]
    public static partial void Abandoned(ILogger logger, string txid, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Could not save the wallet state to {Path}")]
    public static partial void SaveFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Wallet block {Hash} is not in the block store; rescanning from genesis")]
    public static partial void Rescanning(ILogger logger, string hash);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Offering pending wallet transactions to the mempool failed")]
    public static partial void ResubmitFailed(ILogger logger, Exception exception);
}
