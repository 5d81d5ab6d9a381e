namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>The published and invented values the tables use really are (in)valid, per the reference algorithms.</summary>
public sealed class TestValuesTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("6011111111111117", true)]
    [InlineData("3530111333300000", true)]
    [InlineData("30569309025904", true)]
    [InlineData("4012888888881881", true)]
    [InlineData("1234567812345670", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("5555555555554445", false)]
    public void Luhn_CardTestValues_HaveExpectedValidity(string digits, bool valid)
    {
        Assert.Equal(valid, CheckDigitReference.Luhn(digits));
        Assert.Equal(valid, StealthRelay.Redaction.Recognizers.Internal.Luhn.IsValid(digits));
    }

    [Theory]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("FR1420041010050500013M02606", true)]
    [InlineData("ES9121000418450200051332", true)]
    [InlineData("IT60X0542811101000000123456", true)]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("GB82WEST12345698765433", false)]
    [InlineData("DE89370400440532013001", false)]
    public void IbanMod97_TestValues_HaveExpectedValidity(string iban, bool valid)
    {
        Assert.Equal(valid, CheckDigitReference.IbanValid(iban));
        Assert.Equal(valid, StealthRelay.Redaction.Recognizers.Generic.IbanRecognizer.IsValidChecksum(iban));
    }
}
