using System.Collections.Immutable;
using System.Text;
using Antimony.Consensus.Coinbase;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Parameters;

/// <summary>
/// The fields that fix a network's genesis block. The block has one coinbase whose script is the
/// BIP34 height 0 followed by <see cref="CoinbaseText"/>, and whose only output is an empty, zero-value
/// <c>OP_RETURN</c>: like Bitcoin's genesis output it is never spendable, so it adds nothing to the supply.
/// </summary>
/// <param name="CoinbaseText">ASCII text pushed in the coinbase script (at most 75 bytes).</param>
/// <param name="Time">Header time, seconds since the Unix epoch.</param>
/// <param name="Bits">Header compact target.</param>
/// <param name="Nonce">Header nonce, found once by an offline search and pinned.</param>
/// <param name="Version">Header version.</param>
public sealed record GenesisParameters(string CoinbaseText, uint Time, CompactTarget Bits, uint Nonce, int Version = 1)
{
    /// <summary>Builds the genesis block.</summary>
    /// <exception cref="ArgumentException">The text is longer than 75 bytes.</exception>
    public Block CreateBlock()
    {
        var coinbase = CreateCoinbase();
        var header = new BlockHeader(Version, BlockHash.Zero, coinbase.Txid.Value, Time, Bits, Nonce);
        return new Block(header, [coinbase]);
    }

    /// <summary>The genesis coinbase transaction.</summary>
    public Transaction CreateCoinbase()
    {
        var text = Encoding.ASCII.GetBytes(CoinbaseText);
        if (text.Length > 75)
            throw new ArgumentException("The genesis text is pushed with a single-byte push: at most 75 bytes.", nameof(CoinbaseText));
        var height = CoinbaseHeight.Encode(0);
        var scriptSig = new byte[height.Length + 1 + text.Length];
        height.CopyTo(scriptSig, 0);
        scriptSig[height.Length] = (byte)text.Length;
        text.CopyTo(scriptSig, height.Length + 1);
        var input = new TxIn(OutPoint.Null, new Script(scriptSig), TxIn.SequenceFinal, Witness.Empty);
        var output = new TxOut(Money.Zero, new Script(new byte[] { 0x6a }));
        return new Transaction(1, ImmutableArray.Create(input), ImmutableArray.Create(output), 0);
    }
}
