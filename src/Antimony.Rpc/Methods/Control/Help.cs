using System.Text.Json;
using Antimony.Rpc.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Rpc.Methods.Control;

/// <summary><c>help ( "command" )</c>: the registered methods, one per line, or one method's usage line.</summary>
internal sealed class Help(IServiceProvider services) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Opt("command")];

    public string Name => "help";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        // Resolved late: the table holds this method too.
        var table = services.GetRequiredService<RpcMethodTable>();
        string? command = parameters.GetOptionalString(0);
        if (command is null)
        {
            result.WriteStringValue(string.Join('\n', table.Names.Select(name => Usage(table, name))));
        }
        else
        {
            result.WriteStringValue(table.TryGet(command, out _) ? Usage(table, command) : $"help: unknown command: {command}");
        }
        return ValueTask.CompletedTask;
    }

    private static string Usage(RpcMethodTable table, string name)
    {
        table.TryGet(name, out var method);
        return method!.Parameters.Count == 0 ? name : $"{name} {string.Join(' ', method.Parameters)}";
    }
}
