using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;

namespace Antimony.Primitives.Tests.Scripts;

public class ScriptPubKeyTests
{
    private const string Key = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    [Fact]
    public void P2tr_is_built_and_recognised_with_its_key()
    {
        var built = ScriptPubKey.P2tr(Convert.FromHexString(Key));
        Assert.Equal("5120" + Key, built.ToString());
        var recognised = ScriptPubKey.Recognise(Script.FromHex("5120" + Key)); // bip-0350's bc1p0xlx... vector
        Assert.Equal(OutputType.P2tr, recognised.Type);
        Assert.Equal(Key, Convert.ToHexStringLower(recognised.TaprootKey));
        Assert.Equal(built, recognised);
        Assert.True(recognised.IsSpendable);
        Assert.Throws<InvalidOperationException>(() => recognised.KeyHash);
        Assert.Throws<ArgumentException>(() => ScriptPubKey.P2tr(new byte[31]));
    }

    [Fact]
    public void P2wpkh_is_built_and_recognised_with_its_key_hash()
    {
        var recognised = ScriptPubKey.Recognise(Script.FromHex("0014751e76e8199196d454941c45d1b3a323f1433bd6")); // bip-0173
        Assert.Equal(OutputType.P2wpkh, recognised.Type);
        Assert.Equal("751e76e8199196d454941c45d1b3a323f1433bd6", recognised.KeyHash.ToString());
        Assert.Equal(recognised, ScriptPubKey.P2wpkh(recognised.KeyHash));
        Assert.Equal(recognised, ScriptPubKey.P2wpkh(Convert.FromHexString("751e76e8199196d454941c45d1b3a323f1433bd6")));
        Assert.Throws<InvalidOperationException>(() => recognised.TaprootKey.Length);
        Assert.Throws<InvalidOperationException>(() => recognised.GetDataPushes());
    }

    [Theory]
    [InlineData("", OutputType.NonStandard)]
    [InlineData("00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262", OutputType.NonStandard)] // P2WSH: not in v1
    [InlineData("5210751e76e8199196d454941c45d1b3a323", OutputType.NonStandard)] // witness v2
    [InlineData("76a914751e76e8199196d454941c45d1b3a323f1433bd688ac", OutputType.NonStandard)] // P2PKH
    [InlineData("5121" + Key + "00", OutputType.NonStandard)] // a 33-byte push after OP_1
    [InlineData("0014751e76e8199196d454941c45d1b3a323f1433bd600", OutputType.NonStandard)] // trailing byte
    [InlineData("6a", OutputType.Data)] // bare OP_RETURN
    [InlineData("6a00", OutputType.Data)]
    [InlineData("6a4c03aabbcc", OutputType.Data)] // non-minimal pushes are allowed
    [InlineData("6a4d0300aabbcc", OutputType.Data)]
    [InlineData("6a4e03000000aabbcc", OutputType.Data)]
    [InlineData("6a4f5160", OutputType.Data)] // OP_1NEGATE, OP_1, OP_16
    [InlineData("6a50", OutputType.NonStandard)] // OP_RESERVED is not a push
    [InlineData("6a76", OutputType.NonStandard)] // OP_DUP
    [InlineData("6a050102", OutputType.NonStandard)] // truncated direct push
    [InlineData("6a4c", OutputType.NonStandard)] // truncated PUSHDATA1 length
    [InlineData("6a4d01", OutputType.NonStandard)]
    [InlineData("6a4e010000", OutputType.NonStandard)]
    [InlineData("6a4effffffff", OutputType.NonStandard)] // length larger than any script
    [InlineData("006a", OutputType.NonStandard)] // OP_RETURN not first
    public void Scripts_are_classified_by_exact_template(string hex, OutputType expected) =>
        Assert.Equal(expected, ScriptPubKey.Recognise(Script.FromHex(hex)).Type);

    [Fact]
    public void Data_limits_count_pushed_bytes_and_script_size()
    {
        Assert.Equal(OutputType.Data, Classify("6a4c50" + Hex(80, 0xab)));          // 80 bytes in 83: the maximum
        Assert.Equal(OutputType.NonStandard, Classify("6a4c51" + Hex(81, 0xab)));   // 81 bytes
        Assert.Equal(OutputType.Data, Classify("6a4b" + Hex(75, 1) + "05" + Hex(5, 2))); // 80 bytes in two pushes, 83 bytes
        Assert.Equal(OutputType.Data, Classify("6a" + Hex(80, 0x51)));              // 80 x OP_1: 80 bytes in 81
        Assert.Equal(OutputType.NonStandard, Classify("6a" + Hex(81, 0x51)));       // 81 x OP_1: 81 bytes
        Assert.Equal(OutputType.Data, Classify("6a" + Hex(82, 0x00)));              // 82 empty pushes: 0 bytes in 83
        Assert.Equal(OutputType.NonStandard, Classify("6a" + Hex(83, 0x00)));       // 84 script bytes
        Assert.Equal(OutputType.NonStandard, Classify("6a4d5000" + Hex(80, 0xab))); // 80 bytes, but 84 script bytes
    }

    private static OutputType Classify(string hex) => ScriptPubKey.Classify(Convert.FromHexString(hex));

    private static string Hex(int count, byte value) => Convert.ToHexStringLower(Enumerable.Repeat(value, count).ToArray());

    [Fact]
    public void Data_builder_uses_minimal_pushes_and_enforces_the_limits()
    {
        Assert.Equal("6a00", ScriptPubKey.Data([]).ToString());
        Assert.Equal("6a", ScriptPubKey.DataWithPushes().ToString());
        Assert.Equal("6a55", ScriptPubKey.Data([5]).ToString());
        Assert.Equal("6a4f", ScriptPubKey.Data([0x81]).ToString());
        Assert.Equal("6a0111", ScriptPubKey.Data([0x11]).ToString());
        Assert.Equal("6a4c50" + Hex(80, 7), ScriptPubKey.Data(Enumerable.Repeat((byte)7, 80).ToArray()).ToString());
        Assert.Throws<ArgumentException>(() => ScriptPubKey.Data(new byte[81]));
        // 80 bytes as 40 two-byte pushes: 1 + 40 * 3 = 121 script bytes, over 83.
        var pushes = Enumerable.Range(0, 40).Select(_ => (ReadOnlyMemory<byte>)new byte[] { 0xaa, 0xbb }).ToArray();
        Assert.Throws<ArgumentException>(() => ScriptPubKey.DataWithPushes(pushes));
    }

    private static Gen<byte[][]> PushLists { get; } =
        from count in Gen.Choose(0, 6)
        from pushes in (from length in Gen.Frequency((3, Gen.Choose(0, 2)), (2, Gen.Choose(3, 30)), (1, Gen.Choose(31, 80)))
                        from bytes in ArbMap.Default.GeneratorFor<byte>().ArrayOf(length)
                        select bytes).ArrayOf(count)
        select pushes;

    [Property(MaxTest = 400)]
    public Property Data_outputs_round_trip_their_pushes_or_are_refused() =>
        Prop.ForAll(PushLists.ToArbitrary(), pushes =>
        {
            int total = pushes.Sum(p => p.Length);
            var memories = pushes.Select(p => (ReadOnlyMemory<byte>)p).ToArray();
            ScriptPubKey built;
            try
            {
                built = ScriptPubKey.DataWithPushes(memories);
            }
            catch (ArgumentException)
            {
                return (total > ScriptPubKey.MaxDataBytes || MinimalScriptSize(pushes) > ScriptPubKey.MaxDataScriptSize).Label("refused");
            }
            var recognised = ScriptPubKey.Recognise(built.Script);
            var back = recognised.GetDataPushes();
            bool same = back.Count == pushes.Length && back.Zip(pushes).All(x => x.First.Span.SequenceEqual(x.Second));
            return (recognised.Type == OutputType.Data && same && !recognised.IsSpendable).Label(built.ToString());
        });

    private static int MinimalScriptSize(byte[][] pushes) =>
        1 + pushes.Sum(p => p.Length == 1 && (p[0] is >= 1 and <= 16 || p[0] == 0x81) ? 1 : p.Length <= 75 ? 1 + p.Length : 2 + p.Length);

    [Property(MaxTest = 500)]
    public Property Classification_never_throws_and_matches_a_simple_model(byte[] tail, byte first)
    {
        var script = new byte[tail.Length + 1];
        script[0] = first % 4 == 0 ? (byte)0x6a : first;
        tail.CopyTo(script, 1);
        var type = ScriptPubKey.Classify(script);
        var expected = script.Length == 34 && script[0] == 0x51 && script[1] == 32 ? OutputType.P2tr
            : script.Length == 22 && script[0] == 0 && script[1] == 20 ? OutputType.P2wpkh
            : ModelIsData(script) ? OutputType.Data
            : OutputType.NonStandard;
        return (type == expected).Label(Convert.ToHexStringLower(script));
    }

    // An independent reading of the documented data rule.
    private static bool ModelIsData(byte[] s)
    {
        if (s.Length == 0 || s[0] != 0x6a || s.Length > 83)
            return false;
        int i = 1, total = 0;
        while (i < s.Length)
        {
            byte op = s[i++];
            long n;
            if (op == 0x4f || (op >= 0x51 && op <= 0x60)) { total += 1; continue; }
            if (op <= 0x4b) n = op;
            else if (op == 0x4c) { if (i + 1 > s.Length) return false; n = s[i]; i += 1; }
            else if (op == 0x4d) { if (i + 2 > s.Length) return false; n = s[i] | (s[i + 1] << 8); i += 2; }
            else if (op == 0x4e) { if (i + 4 > s.Length) return false; n = BitConverter.ToUInt32(s, i); i += 4; }
            else return false;
            if (i + n > s.Length) return false;
            i += (int)n;
            total += (int)n;
        }
        return total <= 80;
    }
}
