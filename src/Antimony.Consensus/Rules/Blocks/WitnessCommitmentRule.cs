using Antimony.Primitives.Blocks;
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
        return WitnessCommitment.Check(block) switch
        {
            WitnessCommitmentStatus.Missing => ValidationResult.Reject(RejectReasons.UnexpectedWitness, FirstWitnessTxid(block)),
            WitnessCommitmentStatus.BadReservedValue => ValidationResult.Reject(RejectReasons.WitnessNonceSize),
            WitnessCommitmentStatus.Mismatch => ValidationResult.Reject(RejectReasons.WitnessMerkleMatch),
            _ => ValidationResult.Valid,
        };
    }

    private static string FirstWitnessTxid(Block block)
    {
        foreach (var transaction in block.Transactions)
        {
            if (transaction.HasWitness)
                return transaction.Txid.ToString();
        }
        return "";
    }
}
