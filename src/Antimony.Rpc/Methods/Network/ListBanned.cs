using System.Text.Json;

namespace Antimony.Rpc.Methods.Network;

/// <summary><c>listbanned</c>: the bans in force with Core's fields (address, ban_created, banned_until, ban_duration, time_remaining).</summary>
internal sealed class ListBanned(NodeServices node, TimeProvider time) : IRpcMethod
{
    public string Name => "listbanned";

    public IReadOnlyList<RpcParameter> Parameters => [];

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        result.WriteStartArray();
        foreach (var ban in node.Network.Bans.Entries)
        {
            result.WriteStartObject();
            result.WriteString("address", NodeAddress.Format(ban.Address, ban.Port));
            result.WriteNumber("ban_created", ban.Created.ToUnixTimeSeconds());
            result.WriteNumber("banned_until", ban.Expiry.ToUnixTimeSeconds());
            result.WriteNumber("ban_duration", (long)(ban.Expiry - ban.Created).TotalSeconds);
            result.WriteNumber("time_remaining", Math.Max(0, (long)(ban.Expiry - now).TotalSeconds));
            result.WriteEndObject();
        }
        result.WriteEndArray();
        return ValueTask.CompletedTask;
    }
}
