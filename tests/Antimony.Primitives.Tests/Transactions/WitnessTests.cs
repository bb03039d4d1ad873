using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Transactions;

public class WitnessTests
{
    private static readonly Arbitrary<byte[][]> ItemLists = Arb.From(
        Gen.Choose(0, 6).SelectMany(n => TransactionGen.Bytes(80).ArrayOf(n)),
        items => Enumerable.Range(0, items.Length).Select(i => items.Where((_, j) => j != i).ToArray()));

    [Property(MaxTest = 300)]
    public Property Items_read_back_as_written_whether_built_or_parsed() =>
        Prop.ForAll(ItemLists, items =>
        {
            var built = new Witness(Array.ConvertAll(items, item => (ReadOnlyMemory<byte>)item));
            var bytes = new byte[built.SerializedSize];
            var writer = new ConsensusWriter(bytes);
            built.Write(ref writer);
            var reader = new ConsensusReader(bytes.AsMemory());
            var parsed = Witness.Read(ref reader);
            bool same = true;
            for (int i = 0; i < items.Length; i++)
            {
                same &= built[i].SequenceEqual(items[i]) && parsed[i].SequenceEqual(items[i])
                    && parsed.ItemMemory(i).Span.SequenceEqual(items[i]);
            }
            return (same && reader.IsAtEnd && built.Count == items.Length && parsed == built
                    && built.GetHashCode() == parsed.GetHashCode() && built.IsEmpty == (items.Length == 0)
                    && parsed.ToArray().Select(m => m.ToArray()).SelectMany(b => b).SequenceEqual(items.SelectMany(b => b)))
                .Label($"{items.Length} items of {string.Join(",", items.Select(i => i.Length))} bytes");
        });

    [Fact]
    public void Indexing_outside_the_stack_throws_argument_out_of_range()
    {
        var witness = new Witness(new byte[] { 1 }, new byte[300]);
        Assert.Equal(300, witness[1].Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => witness[2].Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => witness[-1].Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Witness.Empty[0].Length);
        Assert.Equal("[]", Witness.Empty.ToString());
    }
}
