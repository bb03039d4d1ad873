namespace Antimony.Rpc.Server;

/// <summary>What the HTTP layer sends back: a status and a JSON body (none for 204).</summary>
internal readonly record struct RpcReply(int StatusCode, ReadOnlyMemory<byte> Body);
