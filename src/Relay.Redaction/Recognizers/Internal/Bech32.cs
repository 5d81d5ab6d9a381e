namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// Bech32 (BIP 173) and Bech32m (BIP 350), the encodings of SegWit and Taproot addresses (<c>bc1q...</c>,
/// <c>bc1p...</c>): a human-readable part, <c>1</c>, then data in 32 characters ending in a six-character BCH checksum
/// that detects any four errors. Only the checksum and the witness program's rules are checked here.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    /// <summary>
    /// True when <paramref name="address"/> is a SegWit address of the human-readable part <paramref name="hrp"/>
    /// (compared without case): one case throughout, at most 90 characters, a valid checksum (Bech32 for witness
    /// version 0, Bech32m for 1-16), and a witness program of 2-40 bytes (20 or 32 for version 0).
    /// </summary>
    public static bool IsSegwitAddress(ReadOnlySpan<char> address, string hrp)
    {
        var separator = hrp.Length;
        if (address.Length > 90 || address.Length < separator + 1 + 1 + ChecksumLength
            || address[separator] != '1' || !address[..separator].Equals(hrp, StringComparison.OrdinalIgnoreCase)
            || (address.ContainsAnyInRange('a', 'z') && address.ContainsAnyInRange('A', 'Z')))
        {
            return false;
        }

        var data = address[(separator + 1)..];
        Span<byte> values = stackalloc byte[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var value = Charset.IndexOf(char.ToLowerInvariant(data[i]), StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            values[i] = (byte)value;
        }

        var checksum = Polymod(hrp, values);
        var version = values[0];
        if (version > 16 || checksum != (version == 0 ? Bech32Constant : Bech32mConstant))
        {
            return false;
        }

        // The program: the 5-bit groups between the version and the checksum, read as bytes; the padding left over must
        // be fewer than 5 bits and zero.
        var bits = (values.Length - 1 - ChecksumLength) * 5;
        var programBytes = bits / 8;
        var padding = bits % 8;
        var last = values[^(ChecksumLength + 1)];
        return padding < 5 && (last & ((1 << padding) - 1)) == 0
            && programBytes is >= 2 and <= 40 && (version != 0 || programBytes is 20 or 32);
    }

    /// <summary>The BCH checksum residue over the expanded human-readable part and the data values.</summary>
    private static uint Polymod(string hrp, ReadOnlySpan<byte> values)
    {
        var checksum = 1u;
        foreach (var c in hrp)
        {
            checksum = Step(checksum, (byte)(char.ToLowerInvariant(c) >> 5));
        }

        checksum = Step(checksum, 0);
        foreach (var c in hrp)
        {
            checksum = Step(checksum, (byte)(char.ToLowerInvariant(c) & 31));
        }

        foreach (var value in values)
        {
            checksum = Step(checksum, value);
        }

        return checksum;
    }

    private static uint Step(uint checksum, byte value)
    {
        var top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        checksum ^= (top & 1) != 0 ? 0x3b6a57b2u : 0;
        checksum ^= (top & 2) != 0 ? 0x26508e6du : 0;
        checksum ^= (top & 4) != 0 ? 0x1ea119fau : 0;
        checksum ^= (top & 8) != 0 ? 0x3d4233ddu : 0;
        checksum ^= (top & 16) != 0 ? 0x2a1462b3u : 0;
        return checksum;
    }
}
