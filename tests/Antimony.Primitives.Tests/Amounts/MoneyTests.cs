using System.Globalization;
using Antimony.Primitives.Amounts;

namespace Antimony.Primitives.Tests.Amounts;

public class MoneyTests
{
    private static readonly Gen<long> FullRange =
        from a in Gen.Choose(0, 0xFFFF)
        from b in Gen.Choose(0, 0xFFFF)
        from c in Gen.Choose(0, 0xFFFF)
        from d in Gen.Choose(0, 0xFFFF)
        select unchecked((long)(((ulong)(uint)a << 48) | ((ulong)(uint)b << 32) | ((ulong)(uint)c << 16) | (uint)d));

    /// <summary>Full-range values, the extremes, and small ones, so overflow and non-overflow both occur often.</summary>
    private static readonly Arbitrary<long> Atoms = Arb.From(Gen.OneOf(
        FullRange,
        FullRange.Select(x => x >> 1),
        Gen.Elements(long.MinValue, long.MinValue + 1, long.MaxValue, long.MaxValue - 1, -1L, 0L, 1L, Money.MaxValue.Atoms),
        ArbMap.Default.GeneratorFor<long>()));

    private static readonly Arbitrary<long> InRange = Arb.From(Gen.OneOf(
        FullRange.Select(x => (long)((ulong)x % (ulong)(Money.MaxValue.Atoms + 1))),
        Gen.Elements(0L, 1L, 99_999_999L, Money.AtomsPerCoin, Money.MaxValue.Atoms),
        Gen.Choose(0, int.MaxValue).Select(x => (long)x)));

    [Property(MaxTest = 500)]
    public Property Checked_arithmetic_throws_exactly_when_the_true_result_leaves_the_long_range() =>
        Prop.ForAll(Atoms, Atoms, (a, b) =>
        {
            var (x, y) = (new Money(a), new Money(b));
            return (Agrees(() => (x + y).Atoms, (Int128)a + b)
                    && Agrees(() => (x - y).Atoms, (Int128)a - b)
                    && Agrees(() => (-x).Atoms, -(Int128)a)
                    && Agrees(() => (x * b).Atoms, (Int128)a * b)
                    && Agrees(() => Money.Sum([x, y, x]).Atoms, (Int128)a + b + a))
                .Label($"{a}, {b}");
        });

    [Property(MaxTest = 300)]
    public Property Formatting_and_parsing_round_trip_within_the_consensus_range() =>
        Prop.ForAll(InRange, atoms =>
        {
            var money = new Money(atoms);
            string text = money.ToString();
            return (Money.Parse(text) == money
                    && Money.Parse(money.ToString("U", null)) == money
                    && money.ToString("A", null) == atoms.ToString(CultureInfo.InvariantCulture)
                    && text.Length - text.IndexOf('.') - 1 == 8
                    && money.IsInConsensusRange
                    && Money.FromCoins(money.ToCoins()) == money)
                .Label(text);
        });

    [Property(MaxTest = 300)]
    public Property Parsing_rejects_a_ninth_decimal_a_sign_and_anything_above_the_maximum() =>
        Prop.ForAll(InRange, Arb.From(Gen.Choose(0, 9)), (atoms, digit) =>
        {
            string text = new Money(atoms).ToString();
            return (!Money.TryParse(text + digit.ToString(CultureInfo.InvariantCulture), out _)
                    && !Money.TryParse("-" + text, out _)
                    && !Money.TryParse("+" + text, out _)
                    && !Money.TryParse(new Money(Money.MaxValue.Atoms + 1 + atoms).ToString(), out _))
                .Label(text);
        });

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("12.5", 1_250_000_000L)]
    [InlineData(" 3 ATMN ", 300_000_000L)]
    [InlineData("1051200000", 105_120_000_000_000_000L)]
    public void Parses_plain_amounts(string text, long atoms) => Assert.Equal(new Money(atoms), Money.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e8")]
    [InlineData("1,000")]
    [InlineData("0.000000001")]
    [InlineData("-1")]
    [InlineData("1051200000.00000001")]
    [InlineData("99999999999")]
    public void Rejects_anything_else(string text)
    {
        Assert.False(Money.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Money.Parse(text));
    }

    [Fact]
    public void Formats_negative_amounts_and_the_extremes_without_overflowing()
    {
        Assert.Equal("-0.00012000", new Money(-12_000).ToString());
        Assert.Equal("-92233720368.54775808", new Money(long.MinValue).ToString());
        Assert.Equal("92233720368.54775807 ATMN", new Money(long.MaxValue).ToString("U", null));
        Assert.Throws<FormatException>(() => Money.Coin.ToString("X", null));
    }

    [Fact]
    public void FromCoins_rejects_fractions_of_an_atom_and_overflow()
    {
        Assert.Throws<ArgumentException>(() => Money.FromCoins(0.000000001m));
        Assert.Throws<OverflowException>(() => Money.FromCoins(long.MaxValue));
        Assert.Throws<OverflowException>(() => Money.FromCoins(100_000_000_000m));
        Assert.Equal(new Money(150_000_000), Money.FromCoins(1.5m));
    }

    private static bool Agrees(Func<long> checkedOperation, Int128 exact)
    {
        bool fits = exact >= long.MinValue && exact <= long.MaxValue;
        try
        {
            long result = checkedOperation();
            return fits && result == (long)exact;
        }
        catch (OverflowException)
        {
            return !fits;
        }
    }
}
