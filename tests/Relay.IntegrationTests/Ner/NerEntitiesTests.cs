using System.ClientModel;
using System.Text;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Ner;

/// <summary>
/// The gateway with the SHIPPED NER model (the test host's default) and the official SDKs: person names, organisations
/// and places (street and city of an address) never reach the fake provider, which sees placeholders instead, and the
/// client gets its own text back, plain and streamed. The sentences are ones the shipped model gets right (checked with
/// <c>relay analyze</c>). A bare company name is typed less reliably (the shipped model reads "Microsoft" alone in this
/// sentence as LOCATION; it is still redacted), so the organisation here carries its "Corporation". Street and house
/// number are the street-address rule recognizer's ADDRESS (the model reads them as ORGANIZATION; at the same length
/// the rule's type wins), the city is the model's LOCATION. A post-office box with its city, state and ZIP is one rule
/// ADDRESS (the model alone reads the "O." of "P.O." as a PERSON and leaves the number).
/// </summary>
public sealed class NerEntitiesTests : SdkRoundTripTests
{
    private const string Model = "gpt-4o-mini";

    public static TheoryData<string, string, string[], string[]> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, string[], string[]>();
            (string Prompt, string[] Values, string[] Placeholders)[] prompts =
            [
                ("Please write a short thank-you note to Maria Schneider for her help last week.", ["Maria Schneider", "Schneider"], ["[PERSON_1]"]),
                ("John Smith works at Microsoft Corporation in Seattle.", ["John Smith", "Microsoft", "Seattle"], ["[PERSON_1]", "[ORGANIZATION_1]", "[LOCATION_1]"]),
                ("Please summarise the meeting notes from Acme Corporation.", ["Acme Corporation", "Acme"], ["[ORGANIZATION_1]"]),
                ("Ship the parcel to 1600 Pennsylvania Avenue, Washington.", ["1600 Pennsylvania Avenue", "1600", "Pennsylvania", "Washington"], ["[ADDRESS_1]", "[LOCATION_1]"]),
                ("Send the forms to P.O. Box 1234, Springfield, IL 62701 instead.", ["Box 1234", "Springfield", "62701"], ["[ADDRESS_1]"]),

                // A name in full-width letters, and one joined by an HTML no-break space: the model reads the folded text
                // (until session 18 it took the first, with "and I live", for one ORGANIZATION, and the second for two,
                // cutting the reference in two; both are now one PERSON).
                ("My name is \uFF2A\uFF4F\uFF48\uFF4E \uFF33\uFF4D\uFF49\uFF54\uFF48 and I live in London.", ["\uFF2A\uFF4F\uFF48\uFF4E", "\uFF33\uFF4D\uFF49\uFF54\uFF48", "London"], ["[PERSON_1]", "[LOCATION_1]"]),
                ("Please forward this to Maria&nbsp;Garcia in Madrid.", ["Maria", "Garcia", "Madrid"], ["[PERSON_1]", "[LOCATION_1]"]),
            ];
            foreach (var client in new[] { "openai", "openai-stream", "anthropic", "anthropic-stream" })
            {
                foreach (var (prompt, values, placeholders) in prompts)
                {
                    cases.Add(client, prompt, values, placeholders);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sdk_PromptWithNamedEntities_ProviderSeesPlaceholdersAndClientGetsOwnText(
        string client, string prompt, string[] values, string[] placeholders)
    {
        var answer = client switch
        {
            "openai" => await OpenAIPlainAsync(prompt),
            "openai-stream" => await OpenAIStreamAsync(prompt),
            "anthropic" => await AnthropicPlainAsync(prompt),
            _ => await AnthropicStreamAsync(prompt),
        };

        Assert.Equal(EchoProtocol.Prefix + prompt, answer);
        var received = Assert.Single(Provider.Requests);
        foreach (var value in values)
        {
            Assert.False(received.Contains(value), $"Entity value #{Array.IndexOf(values, value)} reached the provider.");
        }

        foreach (var placeholder in placeholders)
        {
            Assert.Contains(placeholder, received.DecodedStrings, StringComparison.Ordinal);
        }
    }

    private ChatClient OpenAIClient() => new(
        Model,
        new ApiKeyCredential("client-key"),
        new OpenAIClientOptions { Endpoint = new Uri(Gateway.BaseAddress, "/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });

    private AnthropicClient AnthropicClient() =>
        new() { ApiKey = "client-anthropic-key", BaseUrl = Gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

    private async Task<string> OpenAIPlainAsync(string prompt)
    {
        ChatCompletion completion = await OpenAIClient().CompleteChatAsync([new UserChatMessage(prompt)]);
        return completion.Content[0].Text;
    }

    private async Task<string> OpenAIStreamAsync(string prompt)
    {
        var text = new StringBuilder();
        await foreach (var update in OpenAIClient().CompleteChatStreamingAsync([new UserChatMessage(prompt)]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    private async Task<string> AnthropicPlainAsync(string prompt)
    {
        using var client = AnthropicClient();
        var message = await client.Messages.Create(new MessageCreateParams { MaxTokens = 256, Model = Model, Messages = [new UserMessageParam(prompt)] });
        Assert.True(message.Content[0].TryPickText(out var text));
        return text!.Text;
    }

    private async Task<string> AnthropicStreamAsync(string prompt)
    {
        using var client = AnthropicClient();
        var text = new StringBuilder();
        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams { MaxTokens = 256, Model = Model, Messages = [new UserMessageParam(prompt)] }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta!.Text);
            }
        }

        return text.ToString();
    }
}
