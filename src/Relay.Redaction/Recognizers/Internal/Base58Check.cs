using System.Security.Cryptography;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// Base58Check, the encoding of legacy Bitcoin (and Litecoin) addresses: a version byte and a 20-byte hash written in
/// the 58 characters that leave out <c>0</c>, <c>O</c>, <c>I</c> and <c>l</c>, the last four bytes the first four of the
/// double SHA-256 of the rest. A mistyped address fails the check with a chance of one in four billion.
/// </summary>
internal static class Base58Check
{
    /// <summary>Version byte, hash and check bytes of an address.</summary>
    public const int AddressBytes = 25;

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>
    /// Decodes <paramref name="text"/> as a 25-byte Base58Check payload and returns its version byte when the check bytes
    /// hold; -1 when a character is not Base58, the payload has another length or the check fails.
    /// </summary>
    public static int AddressVersion(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[AddressBytes];
        bytes.Clear();
        var leadingOnes = 0;
        while (leadingOnes < text.Length && text[leadingOnes] == '1')
        {
            leadingOnes++;
        }

        foreach (var c in text)
        {
            var carry = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (carry < 0)
            {
                return -1;
            }

            // bytes = bytes * 58 + digit, big-endian; a carry out of the first byte means more than 25 bytes.
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                carry += bytes[i] * 58;
                bytes[i] = (byte)carry;
                carry >>= 8;
            }

            if (carry != 0)
            {
                return -1;
            }
        }

        // Each leading '1' stands for one zero byte, and the number itself must fill the rest exactly.
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0)
        {
            zeros++;
        }

        if (zeros != leadingOnes)
        {
            return -1;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..21], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(bytes[21..]) ? bytes[0] : -1;
    }
}
