namespace Antimony.Primitives.Tests.Signing;

/// <summary>A field of a transaction or of its spent outputs that a signature hash may or may not commit to.</summary>
public enum SighashField
{
    Version,
    LockTime,
    OwnPrevout,
    OwnAmount,
    OwnScript,
    OwnSequence,
    OtherPrevout,
    OtherAmount,
    OtherScript,
    OtherSequence,
    OwnOutput,
    OtherOutput,
    AppendedOutput,
}
