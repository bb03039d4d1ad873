using Antimony.Mining.Search;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Mining.Work;

/// <summary>One extra-nonce's header: the coinbase carrying it, the header over it (nonce 0) and the search's midstate.</summary>
/// <param name="ExtraNonce">The extra-nonce in the coinbase script.</param>
/// <param name="Coinbase">The coinbase carrying it.</param>
/// <param name="Header">The header with the merkle root over that coinbase, the rolled time and nonce 0.</param>
/// <param name="Search">The nonce search's view of <paramref name="Header"/> and the target.</param>
internal sealed record HeaderCandidate(ulong ExtraNonce, Transaction Coinbase, BlockHeader Header, HeaderTemplate Search);
