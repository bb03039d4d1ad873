using Antimony.Consensus.Chain;
using Antimony.Consensus.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Antimony.Node;

/// <summary>Logs the node's tip at start and every time it moves, so an operator sees the chain grow.</summary>
internal sealed partial class TipLog(ChainState chain, IChainEvents events, ILogger<TipLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(chain.Tip.Height, chain.Tip.Hash.ToString());
        events.TipChanged += OnTipChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        events.TipChanged -= OnTipChanged;
        LogStopped(chain.Tip.Height, chain.Tip.Hash.ToString());
        return Task.CompletedTask;
    }

    private void OnTipChanged(object? sender, TipChangedEventArgs e) =>
        LogTip(e.NewTip.Height, e.NewTip.Hash.ToString(), e.NewTip.Header.Bits.ToString(), e.DisconnectedBlocks);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Chain loaded at height {Height}, tip {Hash}")]
    private partial void LogStarted(int height, string hash);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "New tip: height {Height} {Hash} bits {Bits} (disconnected {Disconnected})")]
    private partial void LogTip(int height, string hash, string bits, int disconnected);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Stopped at height {Height}, tip {Hash}")]
    private partial void LogStopped(int height, string hash);
}
