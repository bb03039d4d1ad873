using System.Globalization;
using System.Text.Json;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Rpc.Server;

namespace Antimony.Rpc.Methods;

/// <summary>
/// The arguments of one call, in the method's positional order whether they were sent as an array or by name.
/// A JSON <c>null</c> counts as omitted (Bitcoin Core's rule for optional parameters). The typed accessors
/// throw <see cref="RpcException"/> with Core's codes: -3 for a wrong JSON type, -8 for a bad value.
/// </summary>
public sealed class RpcParameters
{
    private readonly JsonElement?[] _values;

    internal RpcParameters(IRpcMethod method, JsonElement?[] values)
    {
        Method = method;
        _values = values;
    }

    /// <summary>The method called.</summary>
    public IRpcMethod Method { get; }

    /// <summary>The number of parameter slots (the method's parameter count).</summary>
    public int Count => _values.Length;

    /// <summary>The value at <paramref name="position"/>, or <see langword="null"/> when omitted or JSON null.</summary>
    public JsonElement? this[int position] => (uint)position < (uint)_values.Length ? _values[position] : null;

    /// <summary>Whether a non-null value was given at <paramref name="position"/>.</summary>
    public bool Has(int position) => this[position] is not null;

    /// <summary>A required string.</summary>
    public string GetString(int position) => GetOptionalString(position) ?? throw Missing(position);

    /// <summary>An optional string.</summary>
    public string? GetOptionalString(int position) => this[position] is { } value ? Expect(value, JsonValueKind.String, position).GetString()! : null;

    /// <summary>A required integer within <see cref="int"/>'s range.</summary>
    public int GetInt32(int position) => GetOptionalInt32(position) ?? throw Missing(position);

    /// <summary>An optional integer within <see cref="int"/>'s range.</summary>
    public int? GetOptionalInt32(int position)
    {
        if (this[position] is not { } value)
            return null;
        if (Expect(value, JsonValueKind.Number, position).TryGetInt32(out int result))
            return result;
        throw new RpcException(RpcErrorCode.TypeError, $"JSON integer out of range for {Name(position)}");
    }

    /// <summary>An optional 64-bit integer.</summary>
    public long? GetOptionalInt64(int position)
    {
        if (this[position] is not { } value)
            return null;
        if (Expect(value, JsonValueKind.Number, position).TryGetInt64(out long result))
            return result;
        throw new RpcException(RpcErrorCode.TypeError, $"JSON integer out of range for {Name(position)}");
    }

    /// <summary>An optional boolean.</summary>
    public bool? GetOptionalBoolean(int position)
    {
        if (this[position] is not { } value)
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(value, "bool", position),
        };
    }

    /// <summary>
    /// An optional verbosity given as a number or a boolean (Core accepts <c>true</c>/<c>false</c> for 1/0 in
    /// <c>getblock</c> and <c>getrawtransaction</c>).
    /// </summary>
    public int? GetOptionalVerbosity(int position)
    {
        if (this[position] is not { } value)
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.Number when value.TryGetInt32(out int level) => level,
            JsonValueKind.Number => throw new RpcException(RpcErrorCode.TypeError, $"JSON integer out of range for {Name(position)}"),
            _ => throw WrongType(value, "number", position),
        };
    }

    /// <summary>A required object or array, as given.</summary>
    public JsonElement GetElement(int position, JsonValueKind kind) =>
        this[position] is { } value ? Expect(value, kind, position) : throw Missing(position);

    /// <summary>
    /// A required amount in coins, as a number or a string with at most 8 decimals (Core's <c>AmountFromValue</c>):
    /// -3 "Invalid amount" or "Amount out of range" otherwise.
    /// </summary>
    public Money GetAmount(int position) => GetOptionalAmount(position) ?? throw Missing(position);

    /// <summary>An optional amount in coins (see <see cref="GetAmount"/>).</summary>
    public Money? GetOptionalAmount(int position)
    {
        if (this[position] is not { } value)
            return null;
        if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            throw new RpcException(RpcErrorCode.TypeError, "Amount is not a number or string");
        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal coins))
            throw new RpcException(RpcErrorCode.TypeError, "Invalid amount");
        if (coins < 0 || coins > Money.MaxValue.ToCoins())
            throw new RpcException(RpcErrorCode.TypeError, "Amount out of range");
        decimal atoms = coins * Money.AtomsPerCoin;
        if (atoms != decimal.Truncate(atoms))
            throw new RpcException(RpcErrorCode.TypeError, "Invalid amount");
        return new Money((long)atoms);
    }

    /// <summary>A required 64-hex-digit hash in display (reversed) order (Core's <c>ParseHashV</c>: -8 on a bad string).</summary>
    public Hash256 GetHash(int position)
    {
        string text = GetString(position);
        if (text.Length != 64)
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{Name(position)} must be of length 64 (not {text.Length}, for '{text}')");
        if (!Hash256.TryParse(text, out var hash))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{Name(position)} must be hexadecimal string (not '{text}')");
        return hash;
    }

    /// <summary>A required hexadecimal string, decoded (-8 when it is not hex).</summary>
    public byte[] GetHex(int position)
    {
        string text = GetString(position);
        if (text.Length % 2 != 0 || !IsHex(text))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{Name(position)} must be hexadecimal string (not '{(text.Length > 100 ? text[..100] + "..." : text)}')");
        return Convert.FromHexString(text);
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }

    private JsonElement Expect(JsonElement value, JsonValueKind kind, int position)
    {
        bool matches = kind == value.ValueKind;
        return matches ? value : throw WrongType(value, TypeName(kind), position);
    }

    private RpcException WrongType(JsonElement value, string expected, int position) =>
        new(RpcErrorCode.TypeError, $"JSON value of type {TypeName(value.ValueKind)} for {Name(position)} is not of expected type {expected}");

    private RpcException Missing(int position) =>
        new(RpcErrorCode.MiscError, $"{Method.Name}: missing required parameter {Name(position)}");

    private string Name(int position) =>
        (uint)position < (uint)Method.Parameters.Count ? Method.Parameters[position].Name : position.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bitcoin Core's name for a JSON type (UniValue's <c>uvTypeName</c>).</summary>
    internal static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
