using System.Text.Json;
using Antimony.Rpc.Methods;

namespace Antimony.Rpc.Server;

/// <summary>Maps a call's positional (array) or named (object) params onto a method's parameter list, as Core's <c>transformNamedArguments</c> does.</summary>
internal static class RpcParameterBinder
{
    public static RpcParameters Bind(IRpcMethod method, JsonElement? parameters)
    {
        var declared = method.Parameters;
        var values = new JsonElement?[declared.Count];
        if (parameters is { ValueKind: JsonValueKind.Array } array)
        {
            int length = array.GetArrayLength();
            if (length > declared.Count)
                throw Usage(method);
            int i = 0;
            foreach (var item in array.EnumerateArray())
                values[i++] = item.ValueKind == JsonValueKind.Null ? null : item;
        }
        else if (parameters is { ValueKind: JsonValueKind.Object } named)
        {
            var given = new bool[declared.Count];
            foreach (var property in named.EnumerateObject())
            {
                int index = IndexOf(declared, property.Name);
                if (index < 0)
                    throw new RpcException(RpcErrorCode.InvalidParameter, $"Unknown named parameter {property.Name}");
                if (given[index])
                    throw new RpcException(RpcErrorCode.InvalidParameter, $"Parameter {property.Name} specified twice");
                given[index] = true;
                values[index] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }
        for (int i = 0; i < declared.Count; i++)
        {
            if (declared[i].Required && values[i] is null)
                throw Usage(method);
        }
        return new RpcParameters(method, values);
    }

    /// <summary>Core answers a wrong parameter count with the method's help text as a -1 error; the usage line stands in for it.</summary>
    private static RpcException Usage(IRpcMethod method) =>
        new(RpcErrorCode.MiscError, method.Parameters.Count == 0 ? method.Name : $"{method.Name} {string.Join(' ', method.Parameters)}");

    private static int IndexOf(IReadOnlyList<RpcParameter> declared, string name)
    {
        for (int i = 0; i < declared.Count; i++)
        {
            if (declared[i].Name == name)
                return i;
        }
        return -1;
    }
}
