using System.Net;
using Microsoft.Extensions.Options;

namespace Antimony.Rpc.Hosting;

/// <summary>Checks <see cref="RpcOptions"/> at start-up so a bad setting fails with a message naming the fix.</summary>
internal sealed class RpcOptionsValidator : IValidateOptions<RpcOptions>
{
    public ValidateOptionsResult Validate(string? name, RpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.Bind, out _))
            failures.Add($"Antimony:Rpc:Bind '{options.Bind}' is not an IP address (e.g. 127.0.0.1).");
        if (options.Port is < 0 or > 65535)
            failures.Add($"Antimony:Rpc:Port {options.Port} is outside 0-65535 (0 picks a free port).");
        if (string.IsNullOrEmpty(options.User) != string.IsNullOrEmpty(options.Password))
            failures.Add("Antimony:Rpc needs both User and Password, or neither (then the .cookie file authenticates).");
        else if (options.User is { } user && user.Contains(':', StringComparison.Ordinal))
            failures.Add("Antimony:Rpc:User must not contain ':' (HTTP Basic authentication splits on it).");
        if (options.UsesCookie && string.IsNullOrWhiteSpace(options.EffectiveCookieDirectory))
            failures.Add("Antimony:Rpc needs User and Password, or a CookieDirectory (or DataDirectory) for the .cookie file.");
        if (options.MaxRequestBytes < 1024)
            failures.Add($"Antimony:Rpc:MaxRequestBytes {options.MaxRequestBytes} is below 1024.");
        if (options.MaxBatch < 1)
            failures.Add($"Antimony:Rpc:MaxBatch {options.MaxBatch} must be at least 1.");
        if (options.AuthenticationFailureDelay < TimeSpan.Zero || options.AuthenticationFailureDelay > TimeSpan.FromSeconds(10))
            failures.Add("Antimony:Rpc:AuthenticationFailureDelay must be between 0 and 10 seconds.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
