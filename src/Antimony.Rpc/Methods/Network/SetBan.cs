using System.Text.Json;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods.Network;

/// <summary>
/// <c>setban "subnet" "command" ( bantime absolute )</c>: bans (<c>add</c>) or unbans (<c>remove</c>) an address, or
/// one node by its listen endpoint <c>ip:port</c> (Antimony's addition: devnet nodes share 127.0.0.1). Banned peers
/// are disconnected at once; the list is persisted by the P2P layer. Default ban time 24 h, as Core.
/// </summary>
internal sealed class SetBan(NodeServices node, TimeProvider time) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("subnet"), RpcParameter.Req("command"), RpcParameter.Opt("bantime"), RpcParameter.Opt("absolute")];
    private static readonly TimeSpan DefaultBanTime = TimeSpan.FromHours(24);

    public string Name => "setban";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        string command = parameters.GetString(1);
        if (command is not ("add" or "remove"))
            throw new RpcException(RpcErrorCode.MiscError, "setban \"subnet\" \"command\": command must be add or remove");
        var bans = node.Network.Bans;
        var target = NodeAddress.ParseBanTarget(parameters.GetString(0));
        bool exists = bans.Entries.Any(e => e.Address.Equals(Normalize(target.Address)) && e.Port == target.Port);
        if (command == "add")
        {
            if (exists)
                throw new RpcException(RpcErrorCode.ClientNodeAlreadyAdded, "Error: IP/Subnet already banned");
            long banTime = parameters.GetOptionalInt64(2) ?? 0;
            bool absolute = parameters.GetOptionalBoolean(3) ?? false;
            var duration = absolute
                ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(banTime, 0, 253_402_300_799)) - time.GetUtcNow()
                : banTime <= 0 ? DefaultBanTime : TimeSpan.FromSeconds(Math.Min(banTime, 100L * 365 * 86_400));
            if (duration <= TimeSpan.Zero)
                throw new RpcException(RpcErrorCode.InvalidParameter, "Error: Absolute timestamp is in the past");
            bans.Ban(target, duration);
        }
        else if (!bans.Unban(target))
        {
            throw new RpcException(RpcErrorCode.ClientInvalidIPOrSubnet, "Error: Unban failed. Requested address/subnet was not previously manually banned.");
        }
        result.WriteNullValue();
        return ValueTask.CompletedTask;
    }

    private static System.Net.IPAddress Normalize(System.Net.IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
