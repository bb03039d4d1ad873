using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Networks;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests;

/// <summary>The README's Primitives sample, kept compiling and passing here.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Build_sign_serialize_parse_and_verify_a_taproot_spend()
    {
        // A key and its BIP86-style taproot address (key path only: no script tree).
        var key = PrivateKey.Generate();
        var outputKey = key.XOnlyPublicKey.Tweak(merkleRoot: null).Key;
        var address = SegwitAddress.P2tr(outputKey.Bytes, Network.Devnet);          // ratmn1p...
        var coin = new TxOut(Money.FromCoins(50), address.ToScript());

        // Spend that coin: 49.999 ATMN to a new address, the rest is the fee.
        var recipient = SegwitAddress.P2tr(PrivateKey.Generate().XOnlyPublicKey.Tweak(null).Key.Bytes, Network.Devnet);
        var unsigned = new TransactionBuilder()
            .AddInput(new OutPoint(new Txid(Sha256d.Hash("funding"u8)), 0))
            .AddOutput(Money.Parse("49.999"), recipient.ToScript());
        Transaction signed = InputSigner.SignAll(unsigned, spentOutputs: [coin], keys: [key]);

        // Bitcoin's BIP144 encoding, parsed back byte for byte.
        byte[] bytes = signed.ToBytes();
        var parsed = Transaction.Parse(bytes);
        Assert.Equal(signed.Txid, parsed.Txid);
        Assert.Equal(bytes, parsed.ToBytes());
        Assert.StartsWith("ratmn1p", address.ToString(), StringComparison.Ordinal);
        Assert.Equal(OutputType.P2tr, ScriptPubKey.Classify(coin.ScriptPubKey.Span));

        // Every input's witness checks against the coin it spends.
        Assert.True(InputVerifier.VerifyAll(parsed, [coin], out _, out _));

        // Tampering with the signed transaction breaks the signature.
        var tampered = parsed.ToBuilder();
        tampered.AddOutput(Money.Atom, recipient.ToScript());
        Assert.False(InputVerifier.VerifyAll(tampered.Build(), [coin], out _, out _));
    }
}
