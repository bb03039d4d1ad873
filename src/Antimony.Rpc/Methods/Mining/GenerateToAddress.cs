using System.Text.Json;
using Antimony.Consensus.Chain;
using Antimony.Mining.Search;
using Antimony.Mining.Templates;
using Antimony.Primitives.Addresses;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Numerics;
using Antimony.Rpc.Server;
using Microsoft.Extensions.Hosting;

namespace Antimony.Rpc.Methods.Mining;

/// <summary>
/// <c>generatetoaddress nblocks "address" ( maxtries )</c>: mines blocks paying the address right now, synchronously,
/// with the Mining package's nonce search, and returns their hashes. Regtest and devnet only. <c>maxtries</c>
/// bounds the nonces tried over the whole call (unbounded by default, since devnet's minimum difficulty needs
/// millions of hashes per block); the search stops when the client disconnects or the node stops.
/// </summary>
internal sealed class GenerateToAddress(ChainState chain, TemplateFactory templates, TimeProvider time, IHostApplicationLifetime? lifetime = null) : IRpcMethod
{
    private const ulong FullRange = 1UL << 32;
    private static readonly RpcParameter[] Declared = [RpcParameter.Req("nblocks"), RpcParameter.Req("address"), RpcParameter.Opt("maxtries")];

    public string Name => "generatetoaddress";

    public IReadOnlyList<RpcParameter> Parameters => Declared;

    public async ValueTask InvokeAsync(RpcParameters parameters, Utf8JsonWriter result, CancellationToken cancellationToken)
    {
        var network = chain.Parameters.Network;
        if (network.Name is not ("regtest" or "devnet"))
            throw new RpcException(RpcErrorCode.MethodNotFound, "generatetoaddress is only available on regtest and devnet");
        int blocks = parameters.GetInt32(0);
        if (!SegwitAddress.TryParse(parameters.GetString(1), network, out var address))
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Error: Invalid address");
        long maxTries = parameters.GetOptionalInt64(2) ?? long.MaxValue;
        if (maxTries < 0)
            throw new RpcException(RpcErrorCode.InvalidParameter, "maxtries must not be negative");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime?.ApplicationStopping ?? CancellationToken.None);
        var token = stopping.Token;
        BlockTemplate first;
        try
        {
            first = templates.Create(chain.Tip, address);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            // The assembler accepts only spendable (P2WPKH or P2TR) payouts.
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Error: Invalid address");
        }
        var hashes = new List<BlockHash>();
        var template = first;
        while (hashes.Count < blocks && maxTries > 0)
        {
            await WaitForClockAsync(template, token).ConfigureAwait(false);
            long budget = maxTries;
            Block? block;
            long tried;
            try
            {
                (block, tried) = await Task.Run(() => Search(template, budget, token), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RpcException(RpcErrorCode.MiscError, "Shutting down");
            }
            maxTries -= tried;
            if (block is null)
                break;
            var processed = await chain.ProcessBlockAsync(block, token).ConfigureAwait(false);
            if (processed.Acceptance == BlockAcceptance.Rejected)
                throw new RpcException(RpcErrorCode.InternalError, $"ProcessNewBlock, block not accepted: {processed.Result}");
            // A block that lost a race with the node's own miner is not counted; mine on the new tip.
            if (processed.Acceptance == BlockAcceptance.Active)
                hashes.Add(block.Hash);
            if (hashes.Count < blocks)
                template = templates.Create(chain.Tip, address);
        }
        result.WriteStartArray();
        foreach (var hash in hashes)
            result.WriteStringValue(hash.ToString());
        result.WriteEndArray();
    }

    // Searches the template's nonce space in chunks sized to the target (the search reports every hit of a range, so
    // an easy regtest target wants small ranges), one extra-nonce after another, within the remaining tries.
    private static (Block? Block, long Tried) Search(BlockTemplate template, long budget, CancellationToken token)
    {
        Span<byte> target = stackalloc byte[32];
        template.Target.WriteLittleEndian(target);
        ulong chunk = ChunkSize(template);
        long remaining = budget;
        for (ulong extraNonce = 0; remaining > 0; extraNonce++)
        {
            var coinbase = template.CreateCoinbase(extraNonce);
            var header = template.CreateHeader(coinbase, template.Time, 0);
            var search = new HeaderTemplate(header.ToBytes(), target);
            for (ulong start = 0; start < FullRange && remaining > 0; start += chunk)
            {
                ulong end = Math.Min(Math.Min(start + chunk, FullRange), start + (ulong)remaining);
                var found = NonceSearch.Search(search, (uint)start, end, token);
                remaining -= (long)found.HashesComputed;
                if (found.Nonces.Count > 0)
                    return (template.CreateBlock(header with { Nonce = found.Nonces[0] }, coinbase), budget - remaining);
                token.ThrowIfCancellationRequested();
            }
        }
        return (null, budget);
    }

    // About a quarter of the hashes a block takes on average, between 256 and 2^20 nonces (the miner service's sizing).
    private static ulong ChunkSize(BlockTemplate template)
    {
        var expected = CompactTarget.WorkFor(template.Target);
        return expected >= (UInt256)(4UL << 20) ? 1UL << 20 : Math.Max(256UL, (ulong)expected / 4);
    }

    // A fast run of blocks pushes median time past, and with it the earliest header time, ahead of the clock; a
    // header more than the network's future limit ahead would be rejected, so wait as the miner service does.
    private async Task WaitForClockAsync(BlockTemplate template, CancellationToken token)
    {
        long latest = time.GetUtcNow().ToUnixTimeSeconds() + (long)chain.Parameters.MaxFutureBlockTime.TotalSeconds;
        if (template.MinTime > latest)
            await Task.Delay(TimeSpan.FromSeconds(template.MinTime - latest), time, token).ConfigureAwait(false);
    }
}
