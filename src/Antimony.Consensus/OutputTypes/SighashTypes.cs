namespace Antimony.Consensus.OutputTypes;

/// <summary>The signature hash types Antimony accepts: ALL, NONE, SINGLE, each with or without ANYONECANPAY.</summary>
internal static class SighashTypes
{
    public static bool IsDefined(byte type) => (type & 0x7f) is >= 1 and <= 3 && (type & 0x60) == 0;
}
