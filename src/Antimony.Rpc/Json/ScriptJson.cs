using System.Text.Json;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;

namespace Antimony.Rpc.Json;

/// <summary>Output scripts as Bitcoin Core's <c>ScriptToUniv</c> writes them: asm, desc, hex, address (when there is one) and type.</summary>
internal static class ScriptJson
{
    public static void WriteScriptPubKey(this Utf8JsonWriter writer, string name, Script script, Network network)
    {
        writer.WriteStartObject(name);
        writer.WriteString("asm", ScriptAssembly.ToAsm(script.Span));
        bool hasAddress = SegwitAddress.TryFromScript(script, network.Bech32Hrp, out var address, out _);
        writer.WriteString("desc", Describe(script, hasAddress ? address : null));
        writer.WriteString("hex", script.ToString());
        if (hasAddress)
            writer.WriteString("address", address.ToString());
        writer.WriteString("type", TypeName(script, hasAddress ? address : null));
        writer.WriteEndObject();
    }

    /// <summary>Core's output type names (<c>GetTxnOutputType</c>).</summary>
    public static string TypeName(Script script, SegwitAddress? address) => ScriptPubKey.Classify(script.Span) switch
    {
        OutputType.P2wpkh => "witness_v0_keyhash",
        OutputType.P2tr => "witness_v1_taproot",
        OutputType.Data => "nulldata",
        _ when address is { WitnessVersion: 0, Program.Length: 32 } => "witness_v0_scripthash",
        _ when address is not null => "witness_unknown",
        _ => "nonstandard",
    };

    /// <summary>What Core's <c>InferDescriptor</c> gives without key knowledge: <c>addr()</c>, <c>rawtr()</c> or <c>raw()</c>, with the checksum.</summary>
    public static string Describe(Script script, SegwitAddress? address) => ScriptPubKey.Classify(script.Span) switch
    {
        OutputType.P2tr => DescriptorChecksum.Append($"rawtr({Convert.ToHexStringLower(script.Span[2..])})"),
        _ when address is { } a => DescriptorChecksum.Append($"addr({a})"),
        _ => DescriptorChecksum.Append($"raw({script})"),
    };
}
