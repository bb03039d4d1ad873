using System.Globalization;
using System.Text.Json;
using Antimony.Primitives.Amounts;

namespace Antimony.Rpc.Json;

/// <summary>Amounts as Bitcoin Core writes them: a JSON number in coins with exactly 8 decimals (<c>50.00000000</c>).</summary>
internal static class AmountJson
{
    public static void WriteAmount(this Utf8JsonWriter writer, string name, Money amount)
    {
        writer.WritePropertyName(name);
        writer.WriteAmountValue(amount);
    }

    public static void WriteAmountValue(this Utf8JsonWriter writer, Money amount) => writer.WriteRawValue(Format(amount), skipInputValidation: true);

    public static string Format(Money amount)
    {
        long atoms = amount.Atoms;
        // Magnitude as ulong so long.MinValue has one too.
        ulong magnitude = atoms < 0 ? (ulong)-(atoms + 1) + 1 : (ulong)atoms;
        ulong whole = magnitude / Money.AtomsPerCoin;
        ulong fraction = magnitude % Money.AtomsPerCoin;
        return string.Create(CultureInfo.InvariantCulture, $"{(atoms < 0 ? "-" : "")}{whole}.{fraction:D8}");
    }
}
