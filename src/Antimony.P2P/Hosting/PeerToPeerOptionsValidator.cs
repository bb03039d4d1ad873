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
        if (string.IsNullOrEmpty(options.UserAgent) || System.Text.Encoding.UTF8.GetByteCount(options.UserAgent) > Messages.VersionMessage.MaxUserAgentLength)
            failures.Add("UserAgent must be non-empty and at most 256 UTF-8 bytes.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
