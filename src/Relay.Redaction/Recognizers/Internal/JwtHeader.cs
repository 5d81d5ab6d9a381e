using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>Checks that the first part of a JWT decodes (base64url) to a JSON object with an <c>alg</c> member.</summary>
internal static class JwtHeader
{
    private const int MaxHeaderChars = 2048;

    public static bool HasAlgorithm(ReadOnlySpan<char> encodedHeader)
    {
        if (encodedHeader.Length > MaxHeaderChars)
        {
            return false;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encodedHeader.Length));
        try
        {
            if (Base64Url.DecodeFromChars(encodedHeader, rented, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            var reader = new Utf8JsonReader(rented.AsSpan(0, written));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("alg"u8))
                {
                    return true;
                }

                // On a property name, Skip() steps over its value, however nested.
                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
