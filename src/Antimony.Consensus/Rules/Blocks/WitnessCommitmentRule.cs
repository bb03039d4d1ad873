using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Validation;

namespace Antimony.Consensus.Rules.Blocks;

/// <summary>
/// BIP141: with a commitment output in the coinbase, the coinbase witness must be one 32-byte reserved
/// value (<c>bad-witness-nonce-size</c>) and the commitment must match the witness merkle root
/// (<c>bad-witness-merkle-match</c>); without one, no transaction may carry witness data
/// (<c>unexpected-witness</c>). All are <see cref="RejectCategory.Mutated"/>: witnesses are outside the header's merkle root.
/// </summary>
public sealed class WitnessCommitmentRule : IBlockRule
{
    /// <inheritdoc />
    public ValidationResult Check(in BlockContext context)
    {
        var block = context.Block;
        if (block.Transactions.IsEmpty || !block.Transactions[0].IsCoinbase)
            return ValidationResult.Valid; // CoinbasePositionRule reports this
        var coinbase = block.Transactions[0];
        int index = WitnessCommitment.FindOutput(coinbase);
        if (index < 0)
        {
            foreach (var transaction in block.Transactions)
            {
                if (transaction.HasWitness)
                    return ValidationResult.Reject(RejectReasons.UnexpectedWitness, transaction.Txid.ToString());
            }
            return ValidationResult.Valid;
        }
        var witness = coinbase.Inputs[0].Witness;
        if (!WitnessCommitment.IsReservedValueWitness(witness))
            return ValidationResult.Reject(RejectReasons.WitnessNonceSize);
        var expected = WitnessCommitment.ComputeFor(block, witness[0]);
        var committed = coinbase.Outputs[index].ScriptPubKey.Span.Slice(6, 32);
        return committed.SequenceEqual(expected.ToArray())
            ? ValidationResult.Valid
            : ValidationResult.Reject(RejectReasons.WitnessMerkleMatch);
    }
}
