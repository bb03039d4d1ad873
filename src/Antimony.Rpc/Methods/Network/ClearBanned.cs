using System.Text.Json;

namespace Antimony.Rpc.Methods.Network;

/// <summary><c>clearbanned</c>: lifts every ban.</summary>
internal sealed class ClearBanned(NodeServices node) : IRpcMethod
{
    public string Name => "clearbanned";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        node.Network.Bans.Clear();
        result.WriteNullValue();
        return ValueTask.CompletedTask;
    }
}
