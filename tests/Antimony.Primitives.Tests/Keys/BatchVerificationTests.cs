using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Signing;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>BIP340 batch verification, the one-by-one fallback that names the bad check, and the parallel wrapper.</summary>
public class BatchVerificationTests
{
    private static readonly PrivateKey[] Keys = Enumerable.Range(1, 8).Select(_ => PrivateKey.Generate()).ToArray();

    private static SignatureCheck[] ValidChecks(int count, int ecdsaEvery = 0) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var key = Keys[i % Keys.Length];
            var message = Sha256d.Hash(BitConverter.GetBytes(i));
            return ecdsaEvery > 0 && i % ecdsaEvery == 0
                ? SignatureCheck.Ecdsa(key.PublicKey, message, key.SignEcdsa(message))
                : SignatureCheck.Schnorr(key.XOnlyPublicKey, message, key.SignSchnorr(message));
        }).ToArray();

    // A well-formed signature (R on the curve, s < n) that is simply for another message: only the batch equation can catch it.
    private static SignatureCheck Corrupt(SignatureCheck check)
    {
        Hash256 message = check.Message;
        Hash256 other = Sha256d.Hash(message.ToArray());
        if (check.Kind == SignatureKind.Schnorr)
        {
            var owner = Keys.First(k => k.XOnlyPublicKey == check.SchnorrKey);
            return SignatureCheck.Schnorr(check.SchnorrKey, message, owner.SignSchnorr(other));
        }
        var signer = Keys.First(k => k.PublicKey == check.EcdsaKey);
        return SignatureCheck.Ecdsa(check.EcdsaKey, message, signer.SignEcdsa(other));
    }

    public static TheoryData<int> Sizes => new() { 2, 3, 17, 64 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_batch_of_valid_signatures_verifies(int size)
    {
        var checks = ValidChecks(size);
        Assert.True(BouncyCastleSignatureVerifier.Instance.VerifyBatch(checks, out int index));
        Assert.Equal(-1, index);
        Assert.True(SchnorrBatch.Verify(checks, size));
    }

    // A single flipped bit anywhere in a Schnorr signature (R or s).
    private static SignatureCheck FlipBit(SignatureCheck check, int bit) =>
        check.Kind == SignatureKind.Schnorr
            ? SignatureCheck.Schnorr(check.SchnorrKey, check.Message, SchnorrSignature.Parse(KeyGenerators.FlipBit(check.SchnorrSignature.Bytes, bit)))
            : Corrupt(check);

    [Property(MaxTest = 40)]
    public Property One_bad_signature_fails_the_batch_and_is_named() =>
        Prop.ForAll((from n in Gen.Choose(2, 40) from bad in Gen.Choose(0, n - 1) from bit in Gen.Choose(-1, 511) select (n, bad, bit)).ToArbitrary(), t =>
        {
            var checks = ValidChecks(t.n, ecdsaEvery: 5);
            checks[t.bad] = t.bit < 0 ? Corrupt(checks[t.bad]) : FlipBit(checks[t.bad], t.bit);
            bool batch = checks.Count(c => c.Kind == SignatureKind.Schnorr) is var count && count >= 2
                && SchnorrBatch.Verify(checks, count);
            bool result = BouncyCastleSignatureVerifier.Instance.VerifyBatch(checks, out int index);
            bool schnorrBad = checks[t.bad].Kind == SignatureKind.Schnorr;
            return (!result && index == t.bad && (!schnorrBad || !batch)).Label($"result {result}, index {index}, batch {batch}, bit {t.bit}");
        });

    [Fact]
    public void A_signature_moved_to_another_check_fails_even_though_both_are_valid_signatures()
    {
        var checks = ValidChecks(10);
        (checks[3], checks[7]) = (SignatureCheck.Schnorr(checks[3].SchnorrKey, checks[3].Message, checks[7].SchnorrSignature),
            SignatureCheck.Schnorr(checks[7].SchnorrKey, checks[7].Message, checks[3].SchnorrSignature));
        Assert.False(SchnorrBatch.Verify(checks, 10));
        Assert.False(BouncyCastleSignatureVerifier.Instance.VerifyBatch(checks, out int index));
        Assert.Equal(3, index);
    }

    [Fact]
    public void Malformed_signatures_and_default_checks_fail_at_their_index()
    {
        var checks = ValidChecks(6);
        var bytes = checks[4].SchnorrSignature.ToArray();
        bytes.AsSpan(32).Fill(0xff); // s >= n
        checks[4] = SignatureCheck.Schnorr(checks[4].SchnorrKey, checks[4].Message, SchnorrSignature.Parse(bytes));
        Assert.False(BouncyCastleSignatureVerifier.Instance.VerifyBatch(checks, out int index));
        Assert.Equal(4, index);

        checks = ValidChecks(6);
        checks[2] = default;
        Assert.False(BouncyCastleSignatureVerifier.Instance.VerifyBatch(checks, out index));
        Assert.Equal(2, index);
    }

    [Fact]
    public void The_parallel_verifier_agrees_and_names_the_bad_check()
    {
        var parallel = new ParallelSignatureVerifier(BouncyCastleSignatureVerifier.Instance, maxDegreeOfParallelism: 4, minimumChunk: 4);
        var checks = ValidChecks(40, ecdsaEvery: 7);
        Assert.True(parallel.VerifyBatch(checks, out int index));
        Assert.Equal(-1, index);
        checks[29] = Corrupt(checks[29]);
        Assert.False(parallel.VerifyBatch(checks, out index));
        Assert.Equal(29, index);
        Assert.False(parallel.VerifyBatch(checks.AsMemory(), out index, CancellationToken.None));
        Assert.Equal(29, index);
    }

    [Fact]
    public void The_parallel_verifier_honours_cancellation()
    {
        var parallel = new ParallelSignatureVerifier(BouncyCastleSignatureVerifier.Instance, maxDegreeOfParallelism: 2, minimumChunk: 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => parallel.VerifyBatch(ValidChecks(8).AsMemory(), out _, cancelled.Token));
    }

    [Fact]
    public void An_empty_batch_is_valid() => Assert.True(BouncyCastleSignatureVerifier.Instance.VerifyBatch([], out _));
}
