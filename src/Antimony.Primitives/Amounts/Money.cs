using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Antimony.Primitives.Amounts;

/// <summary>
/// An amount of ATMN counted in atoms (1 ATMN = 100,000,000 atoms). Arithmetic is checked: an overflow
/// throws <see cref="OverflowException"/> instead of wrapping, so a sum of outputs can never silently
/// turn small. Consensus additionally requires every amount and sum to lie in [0, <see cref="MaxValue"/>]
/// (<see cref="IsInConsensusRange"/>).
/// </summary>
/// <param name="Atoms">The amount in atoms; may be negative as an intermediate (e.g. a fee computed as in - out).</param>
public readonly record struct Money(long Atoms) :
    IComparable<Money>, IComparisonOperators<Money, Money, bool>,
    IAdditionOperators<Money, Money, Money>, ISubtractionOperators<Money, Money, Money>,
    IUnaryNegationOperators<Money, Money>, ISpanFormattable
{
    /// <summary>Atoms in one ATMN.</summary>
    public const long AtomsPerCoin = 100_000_000;

    /// <summary>The ticker printed by <see cref="ToString(string?, IFormatProvider?)"/> with format "U".</summary>
    public const string Ticker = "ATMN";

    /// <summary>
    /// The consensus cap on any amount or sum: 1,051,200,000 ATMN, the most the mainnet subsidy schedule
    /// can ever issue (50 ATMN for 10,512,000 blocks, halving: less than twice the first era). Like
    /// Bitcoin's MAX_MONEY it is a sanity bound, not the exact supply.
    /// </summary>
    public static Money MaxValue { get; } = new(1_051_200_000 * AtomsPerCoin);

    /// <summary>No money.</summary>
    public static Money Zero => default;

    /// <summary>One atom, the smallest unit.</summary>
    public static Money Atom { get; } = new(1);

    /// <summary>One ATMN.</summary>
    public static Money Coin { get; } = new(AtomsPerCoin);

    /// <summary>Whether 0 &lt;= amount &lt;= <see cref="MaxValue"/> (Bitcoin's <c>MoneyRange</c>).</summary>
    public bool IsInConsensusRange => Atoms >= 0 && Atoms <= MaxValue.Atoms;

    /// <summary>An amount of whole ATMN.</summary>
    /// <exception cref="OverflowException">Too large for 64 bits of atoms.</exception>
    public static Money FromCoins(long coins) => new(checked(coins * AtomsPerCoin));

    /// <summary>An amount in ATMN with up to eight decimals.</summary>
    /// <exception cref="ArgumentException">More than eight decimals (a fraction of an atom).</exception>
    /// <exception cref="OverflowException">Too large for 64 bits of atoms.</exception>
    public static Money FromCoins(decimal coins)
    {
        decimal atoms = coins * AtomsPerCoin;
        if (atoms != decimal.Truncate(atoms))
            throw new ArgumentException("An ATMN amount has at most eight decimals.", nameof(coins));
        return new(decimal.ToInt64(atoms));
    }

    /// <summary>The amount in ATMN as an exact decimal.</summary>
    public decimal ToCoins() => (decimal)Atoms / AtomsPerCoin;

    /// <summary>Checked sum.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Atoms + right.Atoms));

    /// <summary>Checked difference.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Atoms - right.Atoms));

    /// <summary>Checked negation.</summary>
    public static Money operator -(Money value) => new(checked(-value.Atoms));

    /// <summary>Checked multiplication by a count.</summary>
    public static Money operator *(Money left, long right) => new(checked(left.Atoms * right));

    /// <summary>Integer division by a count (rounds toward zero).</summary>
    public static Money operator /(Money left, long right) => new(left.Atoms / right);

    /// <inheritdoc />
    public static bool operator <(Money left, Money right) => left.Atoms < right.Atoms;

    /// <inheritdoc />
    public static bool operator >(Money left, Money right) => left.Atoms > right.Atoms;

    /// <inheritdoc />
    public static bool operator <=(Money left, Money right) => left.Atoms <= right.Atoms;

    /// <inheritdoc />
    public static bool operator >=(Money left, Money right) => left.Atoms >= right.Atoms;

    /// <inheritdoc />
    public int CompareTo(Money other) => Atoms.CompareTo(other.Atoms);

    /// <summary>Checked sum of many amounts.</summary>
    /// <exception cref="OverflowException">The sum does not fit in 64 bits.</exception>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        long total = 0;
        foreach (var amount in amounts)
            total = checked(total + amount.Atoms);
        return new(total);
    }

    /// <summary>ATMN with eight decimals, as Bitcoin Core prints amounts: <c>50.00000000</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the amount: no format or "F" gives ATMN with eight decimals (<c>-0.00012000</c>); "U" appends
    /// the ticker (<c>0.00012000 ATMN</c>); "A" gives atoms (<c>12000</c>). Always invariant culture.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[40];
        return TryFormat(buffer, out int written, format, formatProvider)
            ? new string(buffer[..written])
            : throw new FormatException($"Unknown money format '{format}'; use F, U or A.");
    }

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (format.SequenceEqual("A"))
            return Atoms.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
        bool withTicker = format.SequenceEqual("U");
        if (!withTicker && !format.IsEmpty && !format.SequenceEqual("F"))
            return false;
        // Work on the magnitude as ulong so long.MinValue formats instead of overflowing.
        ulong magnitude = Atoms < 0 ? (ulong)(-(Atoms + 1)) + 1 : (ulong)Atoms;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{(Atoms < 0 ? "-" : "")}{magnitude / AtomsPerCoin}.{magnitude % AtomsPerCoin:D8}{(withTicker ? " " + Ticker : "")}");
        if (text.Length > destination.Length)
            return false;
        text.CopyTo(destination);
        charsWritten = text.Length;
        return true;
    }

    /// <summary>Parses an ATMN amount such as <c>12.5</c>, <c>0.00000001</c> or <c>3 ATMN</c>.</summary>
    /// <exception cref="FormatException">Not a plain decimal, more than eight decimals, or out of [0, <see cref="MaxValue"/>].</exception>
    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"'{text}' is not an ATMN amount with at most eight decimals within [0, {MaxValue}].");

    /// <summary>
    /// Parses an ATMN amount: optional surrounding spaces, digits with at most eight decimals, an optional
    /// " ATMN" suffix. No sign, exponent or thousands separators; the result lies in [0, <see cref="MaxValue"/>].
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money)
    {
        money = Zero;
        if (text is null)
            return false;
        var span = text.AsSpan().Trim();
        if (span.EndsWith(Ticker, StringComparison.OrdinalIgnoreCase))
            span = span[..^Ticker.Length].TrimEnd();
        int dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? [] : span[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 10 || fraction.Length > 8 || (dot >= 0 && fraction.IsEmpty))
            return false;
        if (!AllDigits(whole) || !AllDigits(fraction))
            return false;
        long atoms = long.Parse(whole, CultureInfo.InvariantCulture) * AtomsPerCoin;
        if (!fraction.IsEmpty)
            atoms += long.Parse(fraction, CultureInfo.InvariantCulture) * Pow10(8 - fraction.Length);
        if (atoms > MaxValue.Atoms)
            return false;
        money = new Money(atoms);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (int i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
