namespace StealthRelay.Redaction.Ner;

/// <summary>
/// The NER model could not be loaded (missing or malformed files, unsupported tokenizer, missing execution provider).
/// Thrown at start-up; the message says what to fix and never contains analysed text.
/// </summary>
public sealed class NerModelException : Exception
{
    public NerModelException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
