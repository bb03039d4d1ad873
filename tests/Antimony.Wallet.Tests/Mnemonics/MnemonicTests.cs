using Antimony.Wallet.Keys;
using Antimony.Wallet.Mnemonics;

namespace Antimony.Wallet.Tests.Mnemonics;

public sealed class MnemonicTests
{
    public static TheoryData<int> VectorIndexes => Bip39Vectors.Indexes();

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Official_vector_entropy_gives_the_phrase_and_back(int index)
    {
        var (entropy, phrase, _, _) = Bip39Vectors.English[index];
        Assert.Equal(phrase, Mnemonic.FromEntropy(Convert.FromHexString(entropy)).Phrase);
        Assert.Equal(entropy, Convert.ToHexStringLower(Mnemonic.Parse(phrase).GetEntropy()));
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Official_vector_seed_and_master_key_match_with_passphrase_TREZOR(int index)
    {
        var (_, phrase, seed, xprv) = Bip39Vectors.English[index];
        byte[] actual = Mnemonic.Parse(phrase).ToSeed(Bip39Vectors.Passphrase);
        Assert.Equal(seed, Convert.ToHexStringLower(actual));
        Assert.Equal(xprv, ExtendedPrivateKey.FromSeed(actual).ToBase58(ExtendedKeyVersions.Main));
    }

    [Fact]
    public void Word_list_is_the_embedded_BIP39_english_list()
    {
        Assert.Equal(2048, WordList.Words.Count);
        Assert.Equal("abandon", WordList.Words[0]);
        Assert.Equal("zoo", WordList.Words[2047]);
        Assert.Equal(3, WordList.IndexOf("about"));
        Assert.Equal(-1, WordList.IndexOf("bitcoin"));
    }

    [Theory]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon", MnemonicError.InvalidWordCount, -1)]
    [InlineData("", MnemonicError.InvalidWordCount, -1)]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon bitcoin", MnemonicError.UnknownWord, 11)]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon", MnemonicError.InvalidChecksum, -1)]
    [InlineData("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo", MnemonicError.InvalidChecksum, -1)]
    public void Bad_phrases_fail_with_the_specific_error(string phrase, MnemonicError error, int wordIndex)
    {
        var e = Assert.Throws<MnemonicException>(() => Mnemonic.Parse(phrase));
        Assert.Equal(error, e.Error);
        Assert.Equal(wordIndex, e.WordIndex);
        Assert.False(Mnemonic.TryParse(phrase, out _, out var tryError));
        Assert.Equal(error, tryError);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(36)]
    public void Entropy_of_a_wrong_length_is_refused(int length)
    {
        var e = Assert.Throws<MnemonicException>(() => Mnemonic.FromEntropy(new byte[length]));
        Assert.Equal(MnemonicError.InvalidEntropyLength, e.Error);
    }

    [Fact]
    public void Extra_whitespace_is_accepted_and_the_phrase_is_not_in_ToString()
    {
        var mnemonic = Mnemonic.Parse("  legal winner thank year\twave sausage worth useful legal winner thank   yellow ");
        Assert.Equal(Bip39Vectors.English[1].Phrase, mnemonic.Phrase);
        Assert.DoesNotContain("legal", mnemonic.ToString(), StringComparison.Ordinal);
    }

    [Property]
    public Property Any_entropy_round_trips_through_words()
    {
        var gen = from words in Gen.Elements(12, 15, 18, 21, 24)
                  from bytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), words / 3 * 4)
                  select bytes;
        return Prop.ForAll(Arb.From(gen), entropy =>
        {
            var mnemonic = Mnemonic.FromEntropy(entropy);
            var parsed = Mnemonic.Parse(mnemonic.Phrase);
            return parsed.GetEntropy().AsSpan().SequenceEqual(entropy) && mnemonic.Words.Count == entropy.Length * 3 / 4;
        });
    }

    [Property]
    public Property Replacing_one_word_is_detected_by_the_checksum_or_the_word_count()
    {
        var gen = from entropy in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 16)
                  from position in Gen.Choose(0, 11)
                  from word in Gen.Choose(0, 2047)
                  select (entropy, position, word);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var words = Mnemonic.FromEntropy(t.entropy).Words.ToArray();
            string replacement = WordList.Words[t.word];
            bool changed = words[t.position] != replacement;
            words[t.position] = replacement;
            bool parsed = Mnemonic.TryParse(string.Join(' ', words), out var result, out var error);
            // 4 checksum bits catch 15 of 16 random changes; an accepted change must decode to different entropy.
            return !changed || !parsed && error == MnemonicError.InvalidChecksum || parsed && !result!.GetEntropy().AsSpan().SequenceEqual(t.entropy);
        });
    }

    [Fact]
    public void Generate_makes_valid_phrases_of_the_requested_length()
    {
        var mnemonic = Mnemonic.Generate(12);
        Assert.Equal(12, mnemonic.Words.Count);
        Assert.Equal(mnemonic.GetEntropy(), Mnemonic.Parse(mnemonic.Phrase).GetEntropy());
        Assert.Throws<ArgumentOutOfRangeException>(() => Mnemonic.Generate(13));
    }
}
