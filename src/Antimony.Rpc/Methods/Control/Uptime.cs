using System.Text.Json;

namespace Antimony.Rpc.Methods.Control;

/// <summary><c>uptime</c>: whole seconds since the node process started.</summary>
internal sealed class Uptime(TimeProvider time) : IRpcMethod
{
    private static readonly DateTimeOffset Started = new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime());

    public string Name => "uptime";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        result.WriteNumberValue(Math.Max(0, (long)(time.GetUtcNow() - Started).TotalSeconds));
        return ValueTask.CompletedTask;
    }
}
