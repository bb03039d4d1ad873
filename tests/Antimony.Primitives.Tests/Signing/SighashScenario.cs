using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>
/// A random transaction with the outputs it spends, an input to sign and a hash type. At least two inputs, and at
/// least as many outputs as inputs, so "other input", "other output" and SIGHASH_SINGLE's partner always exist.
/// </summary>
public sealed record SighashScenario(int Version, uint LockTime, OutPoint[] Prevouts, uint[] Sequences, TxOut[] Spent, TxOut[] Outputs, int InputIndex, SigHashType HashType)
{
    public static readonly SigHashType[] TaprootTypes = [.. new byte[] { 0x00, 0x01, 0x02, 0x03, 0x81, 0x82, 0x83 }.Select(b => new SigHashType(b))];

    public static readonly SigHashType[] WitnessV0Types = TaprootTypes[1..];

    public static Gen<byte[]> Bytes(int count) => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(count);

    public static Gen<uint> UInt32s => from high in Gen.Choose(0, 0xFFFF) from low in Gen.Choose(0, 0xFFFF) select ((uint)high << 16) | (uint)low;

    private static Gen<OutPoint> OutPoints =>
        from txid in Bytes(32) from index in Gen.Choose(0, 5) select new OutPoint(new Txid(new Hash256(txid)), (uint)index);

    private static Gen<TxOut> TxOuts =>
        from value in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(0, 40)
        from script in Bytes(length)
        select new TxOut(new Money(value), new Script(script));

    public static Gen<SighashScenario> Generator(SigHashType[] hashTypes) =>
        from inputs in Gen.Choose(2, 4)
        from outputs in Gen.Choose(inputs, 5)
        from version in Gen.Choose(int.MinValue, int.MaxValue)
        from lockTime in UInt32s
        from prevouts in OutPoints.ArrayOf(inputs)
        from sequences in UInt32s.ArrayOf(inputs)
        from spent in TxOuts.ArrayOf(inputs)
        from outs in TxOuts.ArrayOf(outputs)
        from index in Gen.Choose(0, inputs - 1)
        from hashType in Gen.Elements(hashTypes)
        select new SighashScenario(version, lockTime, prevouts, sequences, spent, outs, index, hashType);

    public static Gen<SighashMutation> Mutations =>
        from kind in Gen.Elements(Enum.GetValues<SighashField>())
        from bit in Gen.Choose(0, 30)
        select new SighashMutation(kind, bit);

    public Transaction Transaction()
    {
        var builder = new TransactionBuilder { Version = Version, LockTime = LockTime };
        for (int i = 0; i < Prevouts.Length; i++)
            builder.AddInput(Prevouts[i], Sequences[i]);
        foreach (var output in Outputs)
            builder.AddOutput(output);
        return builder.Build();
    }

    public SigHashCache Cache() => new(Transaction(), Spent);

    /// <summary>The index of an input other than the signed one.</summary>
    private int OtherInput => (InputIndex + 1) % Prevouts.Length;

    /// <summary>The index of an output other than the signed input's SIGHASH_SINGLE partner.</summary>
    private int OtherOutput => (InputIndex + 1) % Outputs.Length;

    /// <summary>A copy with one field changed.</summary>
    public SighashScenario Mutate(SighashMutation mutation)
    {
        var prevouts = Prevouts.ToArray();
        var sequences = Sequences.ToArray();
        var spent = Spent.ToArray();
        var outputs = Outputs.ToList();
        uint flip = 1u << mutation.Bit;
        var copy = this with { Prevouts = prevouts, Sequences = sequences, Spent = spent, Outputs = [] };
        switch (mutation.Field)
        {
            case SighashField.Version: copy = copy with { Version = Version ^ (int)flip }; break;
            case SighashField.LockTime: copy = copy with { LockTime = LockTime ^ flip }; break;
            case SighashField.OwnPrevout: prevouts[InputIndex] = FlipTxid(prevouts[InputIndex], mutation.Bit); break;
            case SighashField.OtherPrevout: prevouts[OtherInput] = FlipTxid(prevouts[OtherInput], mutation.Bit); break;
            case SighashField.OwnAmount: spent[InputIndex] = FlipValue(spent[InputIndex], flip); break;
            case SighashField.OtherAmount: spent[OtherInput] = FlipValue(spent[OtherInput], flip); break;
            case SighashField.OwnScript: spent[InputIndex] = AppendToScript(spent[InputIndex]); break;
            case SighashField.OtherScript: spent[OtherInput] = AppendToScript(spent[OtherInput]); break;
            case SighashField.OwnSequence: sequences[InputIndex] ^= flip; break;
            case SighashField.OtherSequence: sequences[OtherInput] ^= flip; break;
            case SighashField.OwnOutput: outputs[InputIndex] = FlipValue(outputs[InputIndex], flip); break;
            case SighashField.OtherOutput: outputs[OtherOutput] = AppendToScript(outputs[OtherOutput]); break;
            case SighashField.AppendedOutput: outputs.Add(new TxOut(Money.Atom, Script.Empty)); break;
        }
        return copy with { Outputs = [.. outputs] };
    }

    private static OutPoint FlipTxid(OutPoint outPoint, int bit)
    {
        var bytes = outPoint.Txid.Value.ToArray();
        bytes[bit % 32] ^= 0x01;
        return outPoint with { Txid = new Txid(new Hash256(bytes)) };
    }

    private static TxOut FlipValue(TxOut output, uint flip) => output with { Value = new Money(output.Value.Atoms ^ flip) };

    private static TxOut AppendToScript(TxOut output) => output with { ScriptPubKey = new Script(output.ScriptPubKey.Span.ToArray().Append((byte)0x6a).ToArray()) };

    /// <inheritdoc />
    public override string ToString() =>
        $"input {InputIndex} of {Prevouts.Length}, {Outputs.Length} outputs, {HashType}, version {Version}, lock time {LockTime}";
}
