using System.Buffers;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// CRYPTO (Presidio's name): a cryptocurrency wallet address, which ties payments to one person wherever it appears.
/// <list type="bullet">
/// <item>Base58Check, 25 to 35 characters (legacy Bitcoin <c>1...</c> / <c>3...</c>, Litecoin, Dogecoin, Tron
/// <c>T...</c>, testnet): the 25-byte payload's four check bytes must hold (<see cref="Base58Check"/>), whatever its
/// version byte.</item>
/// <item>SegWit and Taproot, <c>bc1...</c>, <c>tb1...</c>, <c>ltc1...</c>: the Bech32 or Bech32m checksum and the witness
/// program's length must hold (<see cref="Bech32"/>).</item>
/// <item>Ethereum and the other EVM chains, <c>0x</c> and 40 hex digits. Its mixed-case checksum (EIP-55) needs
/// Keccak-256, which the BCL does not have (its SHA3-256 pads differently), so it is not checked.</item>
/// </list>
/// Candidates are runs of 25 or more ASCII letters and digits not glued to another letter, digit or <c>_</c>, so an
/// address in a URL path or after a colon counts, one inside a longer token does not. Checked addresses score
/// <see cref="RecognizerScores.Checksum"/>, the unchecked Ethereum shape <see cref="RecognizerScores.Formatted"/>.
/// </summary>
internal sealed class CryptoAddressRecognizer : IRecognizer
{
    private const int MinBase58Length = 25;
    private const int MaxBase58Length = 35;
    private const int MaxBech32Length = 90;
    private const int EthereumLength = 42;

    /// <summary>The human-readable parts of the SegWit addresses taken: Bitcoin, its testnet, Litecoin.</summary>
    private static readonly string[] SegwitPrefixes = ["bc", "tb", "ltc"];

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> Base58Chars =
        SearchValues.Create("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.Crypto];

    public IReadOnlyList<string> Context { get; } =
        ["wallet", "bitcoin", "btc", "ethereum", "eth", "crypto", "address", "usdt", "litecoin", "tron", "metamask"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        // Every address is a run of at least MinBase58Length letters and digits, so it holds one of every
        // MinBase58Length-th position: only the runs through those positions are read, not every word of the text.
        var k = MinBase58Length - 1;
        while (k < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[k]))
            {
                k += MinBase58Length;
                continue;
            }

            var start = k;
            while (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            var end = k + 1;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end - start >= MinBase58Length && StandsAlone(text, start, end) && Score(text.AsSpan(start, end - start)) is > 0 and var score)
            {
                results.Add(new EntitySpan(EntityTypes.Crypto, start, end, score, nameof(CryptoAddressRecognizer)));
            }

            // The next run starts after this one's end, and its MinBase58Length-th character is no earlier than this.
            k = end + MinBase58Length;
        }
    }

    /// <summary>The score of <paramref name="token"/> as an address, 0 when it is none.</summary>
    internal static double Score(ReadOnlySpan<char> token)
    {
        if (token.Length == EthereumLength && token.StartsWith("0x", StringComparison.Ordinal))
        {
            return token[2..].ContainsAnyExcept(HexDigits) ? 0 : RecognizerScores.Formatted;
        }

        if (token.Length <= MaxBech32Length)
        {
            foreach (var prefix in SegwitPrefixes)
            {
                if (token.Length > prefix.Length && token[prefix.Length] == '1' && token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    && Bech32.IsSegwitAddress(token, prefix))
                {
                    return RecognizerScores.Checksum;
                }
            }
        }

        return token.Length <= MaxBase58Length && !token.ContainsAnyExcept(Base58Chars) && Base58Check.AddressVersion(token) >= 0
            ? RecognizerScores.Checksum
            : 0;
    }

    /// <summary>No letter, digit or <c>_</c> of any script glued to either end (the run itself ends at ASCII ones).</summary>
    private static bool StandsAlone(string text, int start, int end) =>
        (start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_'));
}
