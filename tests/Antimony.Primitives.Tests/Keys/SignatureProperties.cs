using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>Sign-then-verify and single-bit tamper properties for both schemes.</summary>
public class SignatureProperties
{
    private static Hash256 Flip(Hash256 message, int bit) => new(KeyGenerators.FlipBit(Hash256.AsBytes(in message), bit));

    [Property(MaxTest = 200)]
    public Property Schnorr_signatures_verify_and_any_single_bit_flip_breaks_them() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var key = c.Key.XOnlyPublicKey;
            var signature = c.Key.SignSchnorr(c.Message.ToArray(), c.Aux);
            bool valid = key.Verify(c.Message, signature);
            bool messageFlip = key.Verify(Flip(c.Message, c.Bit), signature);
            bool keyFlip = XOnlyPublicKey.TryParse(KeyGenerators.FlipBit(key.Bytes, c.Bit), out var other) && other.Verify(c.Message, signature);
            bool signatureFlip = key.Verify(c.Message, SchnorrSignature.Parse(KeyGenerators.FlipBit(signature.Bytes, c.Bit)));
            return (valid && !messageFlip && !keyFlip && !signatureFlip)
                .Label($"valid {valid}, flipped message {messageFlip}, key {keyFlip}, signature {signatureFlip}");
        });

    [Property(MaxTest = 200)]
    public Property Ecdsa_signatures_are_low_S_verify_and_any_single_bit_flip_breaks_them() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var key = c.Key.PublicKey;
            var signature = c.Key.SignEcdsa(c.Message);
            byte[] der = signature.ToDer();
            bool valid = signature.IsLowS && key.Verify(c.Message, EcdsaSignature.ParseDer(der));
            bool messageFlip = key.Verify(Flip(c.Message, c.Bit), signature);
            bool keyFlip = PublicKey.TryParse(KeyGenerators.FlipBit(key.Bytes, c.Bit), out var other) && other.Verify(c.Message, signature);
            bool derFlip = EcdsaSignature.TryParseDer(KeyGenerators.FlipBit(der, c.Bit), out var flipped) && key.Verify(c.Message, flipped);
            return (valid && !messageFlip && !keyFlip && !derFlip)
                .Label($"valid {valid}, flipped message {messageFlip}, key {keyFlip}, DER {derFlip}");
        });

    [Property(MaxTest = 100)]
    public Property Schnorr_signing_is_deterministic_for_equal_aux_and_differs_for_other_aux() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            var first = c.Key.SignSchnorr(c.Message.ToArray(), c.Aux);
            var again = c.Key.SignSchnorr(c.Message.ToArray(), c.Aux);
            var otherAux = c.Key.SignSchnorr(c.Message.ToArray(), KeyGenerators.FlipBit(c.Aux, c.Bit));
            return first == again && first != otherAux;
        });

    [Property(MaxTest = 100)]
    public Property Taproot_secret_tweak_signs_for_the_tweaked_public_key() =>
        Prop.ForAll(KeyGenerators.Cases, c =>
        {
            Hash256? root = c.Bit % 2 == 0 ? null : c.Message;
            var output = c.Key.XOnlyPublicKey.Tweak(root);
            var tweaked = c.Key.TweakForTaproot(root);
            var signature = tweaked.SignSchnorr(c.Message);
            bool parity = tweaked.PublicKey.HasOddY == output.HasOddY;
            return (output.Key == tweaked.XOnlyPublicKey && parity && output.Key.Verify(c.Message, signature)).Label(c.ToString());
        });
}
