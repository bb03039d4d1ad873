using Antimony.P2P.Framing;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;

namespace Antimony.P2P.Messages;

/// <summary>One transaction, in the BIP144 witness form when it has witnesses.</summary>
public sealed class TxMessage : INetworkMessage<TxMessage>
{
    /// <summary>Creates the message.</summary>
    public TxMessage(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Transaction = transaction;
    }

    /// <summary>The command, "tx".</summary>
    public static MessageCommand CommandName { get; } = MessageCommand.FromName("tx");

    /// <summary>A transaction can be as large as a block, so only the frame limit applies (policy limits belong to the mempool).</summary>
    public static int MaxPayloadLength => int.MaxValue;

    /// <summary>The transaction.</summary>
    public Transaction Transaction { get; }

    /// <inheritdoc />
    public MessageCommand Command => CommandName;

    /// <inheritdoc />
    public int SerializedSize => Transaction.SerializedSize;

    /// <inheritdoc />
    public void Write(ref ConsensusWriter writer) => Transaction.Write(ref writer);

    /// <summary>Reads the transaction, legacy or BIP144 form.</summary>
    public static TxMessage Read(ref ConsensusReader reader) => new(Transaction.Read(ref reader));

    /// <summary>The transaction's summary.</summary>
    public override string ToString() => $"tx {Transaction}";
}
