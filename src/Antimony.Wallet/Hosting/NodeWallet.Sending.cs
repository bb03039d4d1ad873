using Antimony.Consensus.Mempool;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;
using Antimony.Wallet.Accounts;
using Antimony.Wallet.Coins;
using Antimony.Wallet.Transactions;

namespace Antimony.Wallet.Hosting;

public sealed partial class NodeWallet
{
    /// <summary>
    /// Pays <paramref name="amount"/> to <paramref name="to"/> at <paramref name="feeRate"/> (default
    /// <see cref="WalletOptions.FeeRateAtomsPerVirtualByte"/>, never below the mempool's minimum), with change to a
    /// fresh change address, and submits the signed transaction to the mempool, whose relay announces it.
    /// Confirmed coins are spent first; unconfirmed change of the wallet's own transactions only when they fall short.
    /// </summary>
    /// <exception cref="WalletException">
    /// <see cref="WalletError.InvalidAddress"/> (another network), <see cref="WalletError.InvalidAmount"/>,
    /// <see cref="WalletError.InsufficientFunds"/>, <see cref="WalletError.Rejected"/> (the mempool refused it) or
    /// <see cref="WalletError.NoMempool"/>.
    /// </exception>
    public async Task<Txid> SendToAddressAsync(SegwitAddress to, Money amount, FeeRate? feeRate, CancellationToken ct)
    {
        var pool = _pool ?? throw new WalletException(WalletError.NoMempool, "The node runs without a mempool (AddMempool), so the wallet cannot send.");
        if (to.Hrp != _parameters.Network.Bech32Hrp)
            throw new WalletException(WalletError.InvalidAddress, $"{to} is not a {_parameters.Name} address (HRP '{_parameters.Network.Bech32Hrp}').");
        if (amount <= Money.Zero || amount > Money.MaxValue)
            throw new WalletException(WalletError.InvalidAmount, $"Amount {amount} is not between one atom and the money supply.");
        Open();
        await _sendGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            WalletTransaction signed;
            lock (_gate)
                signed = Build(pool, to, amount, feeRate);
            // Outside the wallet lock: the mempool raises TransactionAdded, which this wallet handles too.
            var result = pool.Accept(signed.Transaction);
            if (!result.IsAccepted)
                throw new WalletException(WalletError.Rejected, $"The mempool refused {result.Txid}: {result.Code} {result.Detail}", result.Code);
            lock (_gate)
            {
                Track(signed.Transaction);
                if (signed.ChangeIndex >= 0)
                    _issued[TaprootAccount.ChangeChain]++;
                Watch(TaprootAccount.ChangeChain);
                Save();
            }
            Log.Sent(_logger, signed.Transaction.Txid.ToString(), amount.ToString(), to.ToString(), signed.Fee.ToString());
            return signed.Transaction.Txid;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private WalletTransaction Build(TransactionPool pool, SegwitAddress to, Money amount, FeeRate? feeRate)
    {
        var rate = FeeRate.Max(feeRate ?? FeeRate.FromAtomsPerVirtualByte(_options.FeeRateAtomsPerVirtualByte),
            FeeRate.Max(pool.MinimumFeeRate, pool.Options.MinRelayFeeRate));
        // Core's dust rule for a P2TR output: its 43 bytes plus the 67 vB of spending it, at the dust relay rate.
        var dust = pool.Options.DustRelayFeeRate.GetFee(43 + 67);
        var builder = new WalletTransactionBuilder(rate, dust);
        var change = _account!.GetChangeKey(_issued[TaprootAccount.ChangeChain]);
        TxOut[] payments = [new TxOut(amount, to.ToScript())];
        var confirmed = new List<SpendableCoin>();
        var trusted = new List<SpendableCoin>();
        foreach (var (outPoint, (tracked, output)) in Unspent())
        {
            if (!IsMature(tracked))
                continue;
            if (tracked.IsConfirmed)
                confirmed.Add(new SpendableCoin(outPoint, output));
            else if (IsFromMe(tracked))
                trusted.Add(new SpendableCoin(outPoint, output));
        }
        try
        {
            if (builder.Selector.TrySelect(confirmed, payments, out var selection, out var error))
                return WalletTransactionBuilder.Sign(selection, payments, change.ScriptPubKey.Script, KeyFor);
            if (error == CoinSelectionError.InvalidAmount)
                throw new WalletException(WalletError.InvalidAmount, $"Amount {amount} is below the dust threshold {dust}.");
            return builder.Build([.. confirmed, .. trusted], payments, change.ScriptPubKey.Script, KeyFor);
        }
        catch (CoinSelectionException e)
        {
            throw new WalletException(e.Error == CoinSelectionError.InvalidAmount ? WalletError.InvalidAmount : WalletError.InsufficientFunds, e.Message);
        }
    }

    private Primitives.Keys.PrivateKey KeyFor(SpendableCoin coin)
    {
        var (chain, index) = _scripts[coin.Output.ScriptPubKey];
        return _account!.GetKey(chain, index).PrivateKey!;
    }

    /// <summary>Whether every input of <paramref name="tracked"/> spends a wallet output (so its change can be trusted unconfirmed).</summary>
    private bool IsFromMe(TrackedTransaction tracked) =>
        !tracked.Transaction.IsCoinbase && tracked.Transaction.Inputs.All(i => _owned.ContainsKey(i.PreviousOutput));

    /// <summary>
    /// Bitcoin Core's <c>listtransactions</c>: one entry per wallet-relevant output (sends to others, receives,
    /// coinbase outputs), the most recent <paramref name="count"/> after skipping the newest <paramref name="skip"/>,
    /// returned oldest first. Change outputs are not listed.
    /// </summary>
    public IReadOnlyList<WalletTransactionRecord> ListTransactions(int count = 10, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        Open();
        lock (_gate)
        {
            var records = new List<WalletTransactionRecord>();
            foreach (var tracked in _transactions.Values.OrderBy(t => t.Sequence))
                AddRecords(tracked, records);
            int end = Math.Max(0, records.Count - skip);
            int start = Math.Max(0, end - count);
            return records.GetRange(start, end - start);
        }
    }

    private void AddRecords(TrackedTransaction tracked, List<WalletTransactionRecord> records)
    {
        var transaction = tracked.Transaction;
        int confirmations = ConfirmationsOf(tracked);
        bool dead = confirmations < 0;
        var time = tracked.BlockTime ?? tracked.FirstSeen;
        bool fromMe = IsFromMe(tracked);
        Money? fee = null;
        if (fromMe)
        {
            long inputs = transaction.Inputs.Sum(i => _owned[i.PreviousOutput].Output.Value.Atoms);
            fee = new Money(-(inputs - transaction.Outputs.Sum(o => o.Value.Atoms)));
        }
        for (int vout = 0; vout < transaction.Outputs.Length; vout++)
        {
            var output = transaction.Outputs[vout];
            SegwitAddress? address = SegwitAddress.TryFromScript(output.ScriptPubKey, _parameters.Network.Bech32Hrp, out var a, out _) ? a : null;
            string? label = address is { } known ? _labels.GetValueOrDefault(known.ToString()) : null;
            bool mine = _scripts.TryGetValue(output.ScriptPubKey, out var key);
            if (mine && key.Chain == TaprootAccount.ChangeChain && fromMe)
                continue;
            if (fromMe)
                records.Add(new WalletTransactionRecord(tracked.Txid, vout, WalletTransactionCategory.Send, address, label, -output.Value, fee,
                    confirmations, tracked.BlockHash, tracked.Height, time, dead));
            if (!mine)
                continue;
            var category = !transaction.IsCoinbase ? WalletTransactionCategory.Receive
                : dead ? WalletTransactionCategory.Orphan
                : IsMature(tracked) ? WalletTransactionCategory.Generate
                : WalletTransactionCategory.Immature;
            records.Add(new WalletTransactionRecord(tracked.Txid, vout, category, address, label, output.Value, null,
                confirmations, tracked.BlockHash, tracked.Height, time, dead));
        }
    }
}
