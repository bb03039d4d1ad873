namespace Antimony.Storage.RocksDb.Internal;

/// <summary>Receives one record of a scan; returns whether the scan should go on.</summary>
/// <param name="key">The record's key, valid only during the call.</param>
/// <param name="value">The record's value, valid only during the call.</param>
internal delegate bool ScanVisitor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);
