using Antimony.Primitives.Numerics;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Net;
using Antimony.P2P.Messages;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.P2P.Tests.Messages;

/// <summary>FsCheck generators for every message and its parts, covering full value ranges.</summary>
internal static class MessageGen
{
    public static readonly Gen<byte> Byte = ArbMap.Default.GeneratorFor<byte>();

    public static readonly Gen<uint> UInt32 = Byte.ArrayOf(4).Select(b => BinaryPrimitives.ReadUInt32LittleEndian(b));

    public static readonly Gen<ulong> UInt64 = Byte.ArrayOf(8).Select(b => BinaryPrimitives.ReadUInt64LittleEndian(b));

    public static readonly Gen<int> Int32 = UInt32.Select(v => (int)v);

    public static readonly Gen<long> Int64 = UInt64.Select(v => (long)v);

    public static readonly Gen<Hash256> Hash = Byte.ArrayOf(32).Select(b => new Hash256(b));

    public static Gen<byte[]> Bytes(int maxLength) => Gen.Choose(0, maxLength).SelectMany(n => Byte.ArrayOf(n));

    public static Gen<ImmutableArray<T>> ArrayOf<T>(Gen<T> item, int maxCount) =>
        Gen.Choose(0, maxCount).SelectMany(n => item.ArrayOf(n)).Select(a => a.ToImmutableArray());

    public static readonly Gen<IPAddress> Ip = Gen.OneOf(
        Byte.ArrayOf(4).Select(b => new IPAddress(b)),
        Byte.ArrayOf(16).Select(b => new IPAddress(b)).Where(a => !a.IsIPv4MappedToIPv6));

    public static readonly Gen<NetworkAddress> Address =
        from services in UInt64
        from ip in Ip
        from port in Gen.Choose(0, ushort.MaxValue)
        select new NetworkAddress((ServiceFlags)services, ip, (ushort)port);

    public static readonly Gen<string> UserAgent = Gen.OneOf(
        Gen.Elements("", "/Antimony:0.1.0/", "/Satoshi:27.0.0/", "/ünïcødé:1.0/", "/日本語/"),
        Gen.Choose(0, VersionMessage.MaxUserAgentLength).SelectMany(n => Gen.Choose(0x20, 0x7E).ArrayOf(n))
            .Select(chars => new string(chars.Select(c => (char)c).ToArray())));

    public static readonly Gen<VersionMessage> Version =
        from version in Int32
        from services in UInt64
        from time in Int64
        from receiver in Address
        from sender in Address
        from nonce in UInt64
        from agent in UserAgent
        from height in Int32
        from relay in ArbMap.Default.GeneratorFor<bool>()
        select new VersionMessage(version, (ServiceFlags)services, time, receiver, sender, nonce, agent, height, relay);

    public static readonly Gen<InventoryVector> Inventory =
        from type in Gen.OneOf(Gen.Elements(Enum.GetValues<InventoryType>()), UInt32.Select(v => (InventoryType)v))
        from hash in Hash
        select new InventoryVector(type, hash);

    public static readonly Gen<BlockHeader> Header =
        from version in Int32
        from previous in Hash
        from merkle in Hash
        from time in UInt32
        from bits in UInt32
        from nonce in UInt32
        select new BlockHeader(version, new BlockHash(previous), merkle, time, new CompactTarget(bits), nonce);

    public static readonly Gen<TimestampedAddress> TimedAddress =
        from time in UInt32
        from address in Address
        select new TimestampedAddress(time, address);

    public static readonly Gen<TxIn> Input =
        from txid in Hash
        from index in UInt32
        from script in Bytes(40)
        from sequence in UInt32
        from witness in Gen.Choose(0, 3).SelectMany(n => Bytes(40).ArrayOf(n))
        select new TxIn(new OutPoint(new Txid(txid), index), new Script(script), sequence,
            new Witness(witness.Select(w => (ReadOnlyMemory<byte>)w).ToArray()));

    public static readonly Gen<TxOut> Output =
        from value in Int64
        from script in Bytes(40)
        select new TxOut(new Money(value), new Script(script));

    // At least one input: a transaction with none is ambiguous with BIP144's marker and cannot round-trip.
    public static readonly Gen<Transaction> Transaction =
        from version in Int32
        from inputs in Gen.Choose(1, 4).SelectMany(n => Input.ArrayOf(n))
        from outputs in Gen.Choose(0, 4).SelectMany(n => Output.ArrayOf(n))
        from lockTime in UInt32
        select new Transaction(version, [.. inputs], [.. outputs], lockTime);

    public static readonly Gen<Block> Block =
        from header in Header
        from transactions in Gen.Choose(0, 5).SelectMany(n => Transaction.ArrayOf(n))
        select new Block(header, [.. transactions]);

    public static readonly Gen<INetworkMessage> Any = Gen.OneOf(
        Version.Select(m => (INetworkMessage)m),
        Gen.Elements<INetworkMessage>(VerackMessage.Instance, WtxidRelayMessage.Instance, SendHeadersMessage.Instance, GetAddrMessage.Instance),
        UInt64.Select(n => (INetworkMessage)new PingMessage(n)),
        UInt64.Select(n => (INetworkMessage)new PongMessage(n)),
        ArrayOf(TimedAddress, 50).Select(a => (INetworkMessage)new AddrMessage(a)),
        ArrayOf(Inventory, 50).Select(a => (INetworkMessage)new InvMessage(a)),
        ArrayOf(Inventory, 50).Select(a => (INetworkMessage)new GetDataMessage(a)),
        ArrayOf(Inventory, 50).Select(a => (INetworkMessage)new NotFoundMessage(a)),
        (from version in UInt32
         from locator in ArrayOf(Hash.Select(h => new BlockHash(h)), GetHeadersMessage.MaxLocatorHashes)
         from stop in Hash
         select (INetworkMessage)new GetHeadersMessage(version, locator, new BlockHash(stop))),
        ArrayOf(Header, 30).Select(h => (INetworkMessage)new HeadersMessage(h)),
        Block.Select(b => (INetworkMessage)new BlockMessage(b)),
        Transaction.Select(t => (INetworkMessage)new TxMessage(t)),
        Int64.Select(v => (INetworkMessage)new FeeFilterMessage(new Money(v))));
}
