using Antimony.Consensus.Validation;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.OutputTypes;

/// <summary>
/// P2WPKH (witness v0): <c>OP_0 0x14 &lt;HASH160(compressed key)&gt;</c>, spent by a witness of exactly
/// <c>[DER signature + sighash byte, 33-byte compressed key]</c> whose key hashes to the program.
/// </summary>
public sealed class WitnessV0KeyHashVerifier(ISpendSignatureChecker checker) : IOutputTypeVerifier
{
    /// <inheritdoc />
    public OutputType Type => OutputType.WitnessV0KeyHash;

    /// <inheritdoc />
    public bool IsSpendable => true;

    /// <inheritdoc />
    public bool Matches(ReadOnlySpan<byte> scriptPubKey) => scriptPubKey.Length == 22 && scriptPubKey[0] == 0x00 && scriptPubKey[1] == 0x14;

    /// <inheritdoc />
    public ValidationResult CheckOutput(in TxOut output) => ValidationResult.Valid;

    /// <inheritdoc />
    public ValidationResult VerifySpend(in SpendContext context)
    {
        var witness = context.Input.Witness;
        if (witness.Count != 2)
            return ValidationResult.Reject(RejectReasons.BadWitness, $"p2wpkh takes two witness items, got {witness.Count}");
        var signature = witness[0];
        var publicKey = witness[1];
        // A DER signature is 8..72 bytes; the sighash byte follows.
        if (signature.Length is < 9 or > 73 || !SighashTypes.IsDefined(signature[^1]))
            return ValidationResult.Reject(RejectReasons.BadWitness, "p2wpkh signature size or sighash type");
        if (publicKey.Length != 33 || (publicKey[0] != 0x02 && publicKey[0] != 0x03))
            return ValidationResult.Reject(RejectReasons.BadWitness, "p2wpkh requires a compressed public key");
        var program = context.SpentOutput.ScriptPubKey.Span[2..];
        if (!Hash160.Compute(publicKey).ToArray().AsSpan().SequenceEqual(program))
            return ValidationResult.Reject(RejectReasons.BadWitness, "p2wpkh key does not hash to the program");
        return checker.VerifyWitnessV0KeyHash(context, publicKey, signature)
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.SignatureFailed, $"input {context.InputIndex}: ecdsa signature");
    }
}
