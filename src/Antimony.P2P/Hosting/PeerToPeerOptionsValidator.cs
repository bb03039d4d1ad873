using Microsoft.Extensions.Options;

namespace Antimony.P2P.Hosting;

/// <summary>Refuses peer-to-peer settings that cannot work, when the host starts.</summary>
internal sealed class PeerToPeerOptionsValidator : IValidateOptions<PeerToPeerOptions>
{
    /// <summary>Checks every limit and timeout of <paramref name="options"/>.</summary>
    public ValidateOptionsResult Validate(string? name, PeerToPeerOptions options)
    {
        var failures = new List<string>();
        if (options.MaxOutbound < 0)
            failures.Add("MaxOutbound must not be negative.");
        if (options.MaxInbound < 0)
            failures.Add("MaxInbound must not be negative.");
        if (options.HandshakeTimeout <= TimeSpan.Zero || options.BlockDownloadTimeout <= TimeSpan.Zero || options.PingInterval <= TimeSpan.Zero || options.IdleTimeout <= TimeSpan.Zero)
            failures.Add("HandshakeTimeout, BlockDownloadTimeout, PingInterval and IdleTimeout must be positive.");
        if (options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
            failures.Add("ReconnectDelay must be positive and at most MaxReconnectDelay.");
        if (options.DiscouragementDuration <= TimeSpan.Zero)
            failures.Add("DiscouragementDuration must be positive.");
        if (options.BlockDownloadWindow is < 1 or > 50_000)
            failures.Add("BlockDownloadWindow must be within [1, 50000].");
        if (options.Bootstrap is null || options.Bootstrap.Any(e => e is null))
            failures.Add("Bootstrap must be a list of endpoints.");
        foreach (var (option, value) in new[] { ("MessageRate", options.MessageRate), ("MessageBurst", options.MessageBurst), ("ByteRate", options.ByteRate),
                     ("ByteBurst", options.ByteBurst), ("UnknownMessageRate", options.UnknownMessageRate), ("UnknownMessageBurst", options.UnknownMessageBurst) })
        {
            if (!double.IsFinite(value) || value <= 0)
                failures.Add($"{option} must be a positive number (it is {value}).");
        }
        if (options.MessageBurst < 1 || options.UnknownMessageBurst < 1)
            failures.Add("MessageBurst and UnknownMessageBurst must be at least 1, or no message could ever pass.");
        if (options.FrameTimeout <= TimeSpan.Zero)
            failures.Add("FrameTimeout must be positive.");
        if (options.SendQueueLimit < 64 * 1024)
            failures.Add($"SendQueueLimit must be at least 65536 bytes (it is {options.SendQueueLimit}).");
        if (options.AllowList is { } allow && allow.Any(a => a is null))
            failures.Add("AllowList must be a list of IP addresses.");
        failures.AddRange(options.ConfigurationErrors);
        if (string.IsNullOrEmpty(options.UserAgent) || System.Text.Encoding.UTF8.GetByteCount(options.UserAgent) > Messages.VersionMessage.MaxUserAgentLength)
            failures.Add("UserAgent must be non-empty and at most 256 UTF-8 bytes.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
