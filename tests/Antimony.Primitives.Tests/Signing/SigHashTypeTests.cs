using Antimony.Primitives.Signing;

namespace Antimony.Primitives.Tests.Signing;

/// <summary>The defined-value sets of BIP341 and witness v0, and the mode flags, over every byte.</summary>
public sealed class SigHashTypeTests
{
    [Fact]
    public void Exactly_the_seven_bip341_values_are_defined_for_taproot_and_six_for_witness_v0()
    {
        byte[] taproot = [0x00, 0x01, 0x02, 0x03, 0x81, 0x82, 0x83];
        for (int value = 0; value <= 255; value++)
        {
            var type = new SigHashType((byte)value);
            Assert.Equal(taproot.Contains((byte)value), type.IsDefinedForTaproot);
            Assert.Equal(value != 0 && taproot.Contains((byte)value), type.IsDefinedForWitnessV0);
            Assert.Equal(type.IsDefinedForTaproot, SigHashType.TryCreateForTaproot((byte)value, out _));
            Assert.Equal(type.IsDefinedForWitnessV0, SigHashType.TryCreateForWitnessV0((byte)value, out _));
        }
    }

    [Theory]
    [InlineData(0x00, false, false, false, "DEFAULT")]
    [InlineData(0x01, false, false, false, "ALL")]
    [InlineData(0x02, false, true, false, "NONE")]
    [InlineData(0x03, false, false, true, "SINGLE")]
    [InlineData(0x81, true, false, false, "ALL|ANYONECANPAY")]
    [InlineData(0x82, true, true, false, "NONE|ANYONECANPAY")]
    [InlineData(0x83, true, false, true, "SINGLE|ANYONECANPAY")]
    [InlineData(0x44, false, false, false, "0x44")]
    public void Flags_and_names_follow_the_byte(byte value, bool anyoneCanPay, bool none, bool single, string name)
    {
        var type = new SigHashType(value);
        Assert.Equal(anyoneCanPay, type.IsAnyoneCanPay);
        Assert.Equal(none, type.IsNone);
        Assert.Equal(single, type.IsSingle);
        Assert.Equal(!none && !single, type.CommitsToAllOutputs);
        Assert.Equal(name, type.ToString());
        Assert.Equal(name, $"{type}");
    }

    [Fact]
    public void WithAnyoneCanPay_sets_only_the_flag()
    {
        Assert.Equal(SigHashType.SingleAnyoneCanPay, SigHashType.Single.WithAnyoneCanPay());
        Assert.Equal(SigHashType.AllAnyoneCanPay, SigHashType.AllAnyoneCanPay.WithAnyoneCanPay());
        Assert.NotEqual(SigHashType.All, SigHashType.AllAnyoneCanPay);
    }
}
