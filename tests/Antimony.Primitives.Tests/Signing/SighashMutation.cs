namespace Antimony.Primitives.Tests.Signing;

/// <summary>One change to one field; <see cref="Bit"/> picks which bit flips, so every mutation really changes the value.</summary>
public sealed record SighashMutation(SighashField Field, int Bit);
