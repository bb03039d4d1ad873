using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Primitives.Addresses;

namespace Antimony.Rpc.Methods.Util;

/// <summary>
/// <c>validateaddress "address"</c>: whether the address is valid for this network, with its script and witness
/// program, or Core's error text when it is not.
/// </summary>
internal sealed class ValidateAddress(ChainState chain) : IRpcMethod
{
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("address")];

    public string Name => "validateaddress";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        string text = parameters.GetString(0);
        var network = chain.Parameters.Network;
        result.WriteStartObject();
        if (SegwitAddress.TryParse(text, network, out var address, out var error))
        {
            result.WriteBoolean("isvalid", true);
            result.WriteString("address", address.ToString());
            result.WriteString("scriptPubKey", address.ToScript().ToString());
            result.WriteBoolean("isscript", address.WitnessVersion == 0 && address.Program.Length == 32);
            result.WriteBoolean("iswitness", true);
            result.WriteNumber("witness_version", address.WitnessVersion);
            result.WriteString("witness_program", Convert.ToHexStringLower(address.Program));
        }
        else
        {
            result.WriteBoolean("isvalid", false);
            result.WriteString("error", Describe(error));
            result.WriteStartArray("error_locations");
            result.WriteEndArray();
        }
        result.WriteEndObject();
        return ValueTask.CompletedTask;
    }

    // Core's messages from key_io.cpp where one fits; Antimony has bech32 addresses only, so there is no Base58 case.
    private static string Describe(AddressError error) => error switch
    {
        AddressError.InvalidChecksum => "Invalid Bech32 checksum",
        AddressError.WrongHrp => "Invalid or unsupported Segwit (Bech32) or Base58 encoding.",
        AddressError.InvalidWitnessVersion => "Invalid Bech32 address witness version",
        AddressError.InvalidProgramLength => "Invalid Bech32 address program size (" + error + ")",
        AddressError.InvalidProgramLengthForVersion0 => "Invalid Bech32 v0 address program size, must be 20 or 32 bytes",
        AddressError.WrongEncodingForVersion => "Version 1+ witness address must use Bech32m checksum",
        AddressError.TooLong => "Bech32 string too long",
        AddressError.MixedCase => "Invalid Bech32 string: mixed case",
        AddressError.InvalidDataCharacter => "Invalid Base 32 character",
        _ => "Invalid or unsupported Segwit (Bech32) or Base58 encoding.",
    };
}
