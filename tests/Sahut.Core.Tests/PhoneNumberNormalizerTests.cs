using Sahut.Phones;

namespace Sahut.Tests;

public sealed class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer normalizer = new();

    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("+1 650 555 1234", "+16505551234")]
    [InlineData("16505551234", "+16505551234")]
    public void Normalizes_to_e164(string input, string expected) => Assert.Equal(expected, normalizer.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12")]
    public void Rejects_what_is_not_a_phone(string input) => Assert.Null(normalizer.Normalize(input));
}
