using Antimony.Primitives.Serialization;
using Antimony.Wallet.Keys;

namespace Antimony.Wallet.Tests.Keys;

public sealed class KeyPathTests
{
    [Theory]
    [InlineData("m", new uint[0])]
    [InlineData("m/86'/0'/0'/0/0", new uint[] { 0x80000056, 0x80000000, 0x80000000, 0, 0 })]
    [InlineData("m/0h/1H/2147483647", new uint[] { 0x80000000, 0x80000001, 0x7fffffff })]
    public void Paths_parse_to_indexes(string text, uint[] indexes)
    {
        Assert.Equal(indexes, KeyPath.Parse(text).Indexes.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("M/0")]
    [InlineData("m/")]
    [InlineData("m//1")]
    [InlineData("m/2147483648")]
    [InlineData("m/1''")]
    [InlineData("m/-1")]
    [InlineData("m/99999999999")]
    [InlineData("86'/0'")]
    public void Malformed_paths_fail_with_DecodeException(string text)
    {
        Assert.False(KeyPath.TryParse(text, out _));
        Assert.Equal(DecodeError.InvalidValue, Assert.Throws<DecodeException>(() => KeyPath.Parse(text)).Error);
    }

    [Property]
    public Property Formatting_round_trips()
    {
        var gen = Gen.ArrayOf(ArbMap.Default.GeneratorFor<uint>()).Select(a => new KeyPath(a));
        return Prop.ForAll(Arb.From(gen), path => KeyPath.Parse(path.ToString()) == path);
    }
}
