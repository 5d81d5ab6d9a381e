using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// A Brazilian rental contract question with the landlord company's CNPJ, the tenant's CPF as printed and the
/// guarantor's as eleven digits, through the gateway with the official SDKs: none reaches the fake provider (the printed
/// ones found by their two check digits, the plain one lifted over the threshold by the context word before it), and the
/// client gets its text back byte for byte, streamed included. Before all three went out in clear; eleven plain digits
/// with valid check digits and no context word (an order number) still do.
/// </summary>
public sealed class BrazilianIdentifiersRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["529.982.247-25", "11144477735", "11.222.333/0001-81"];

    private const string OrderNumber = "39053344705";

    private static readonly string Prompt =
        "O pedido " + OrderNumber + " chegou ontem.\nConfira o contrato de aluguel: locatário CPF " + Numbers[0]
        + ", CPF do fiador: " + Numbers[1] + ", locadora CNPJ " + Numbers[2] + ".";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_CpfAndCnpjNumbers_NoneReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, Numbers);

        Assert.Contains("[BR_CPF_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[BR_CPF_2]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[BR_CNPJ_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.True(received.Contains(OrderNumber), "An order number with no context word was redacted.");
    }
}
