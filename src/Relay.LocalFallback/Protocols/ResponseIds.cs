using System.Security.Cryptography;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>Response ids in the providers' formats: <c>chatcmpl-</c> + 29 and <c>msg_</c> + 24 alphanumerics.</summary>
internal static class ResponseIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string OpenAI() => "chatcmpl-" + RandomNumberGenerator.GetString(Alphabet, 29);

    public static string Anthropic() => "msg_" + RandomNumberGenerator.GetString(Alphabet, 24);
}
