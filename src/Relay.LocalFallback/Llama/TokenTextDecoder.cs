using System.Text;

namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// Turns a stream of tokens into text. Token pieces are raw bytes and a multi-byte UTF-8 character can be split
/// across tokens, so bytes are fed through a stateful UTF-8 decoder that holds an incomplete tail until the next piece.
/// </summary>
internal sealed class TokenTextDecoder
{
    private readonly LlamaModel _model;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private byte[] _bytes = new byte[64];
    private char[] _chars = new char[66];

    public TokenTextDecoder(LlamaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Returns the text completed by this token (possibly empty while a character is incomplete).</summary>
    public string Append(int token)
    {
        int count;
        while (true)
        {
            try
            {
                count = _model.TokenToPiece(token, _bytes);
                break;
            }
            catch (ArgumentException)
            {
                _bytes = new byte[_bytes.Length * 4];
                _chars = new char[_bytes.Length + 2];
            }
        }

        var chars = _decoder.GetChars(_bytes, 0, count, _chars, 0, flush: false);
        return chars == 0 ? string.Empty : new string(_chars, 0, chars);
    }

    /// <summary>Ends the stream: an incomplete trailing character becomes U+FFFD.</summary>
    public string Flush()
    {
        var chars = _decoder.GetChars([], 0, 0, _chars, 0, flush: true);
        return chars == 0 ? string.Empty : new string(_chars, 0, chars);
    }

    public void Reset() => _decoder.Reset();
}
