namespace StealthRelay.Redaction.Ner;

/// <summary>
/// A token-classification model that finds PERSON, LOCATION, ORGANIZATION, ... in free text.
/// One instance is shared by all requests and must be thread-safe.
/// </summary>
public interface INerModel
{
    /// <summary>
    /// Predicts entity spans for every text, batching all of them into as few inference calls as possible.
    /// Result i belongs to texts[i]; offsets are UTF-16 code units into texts[i].
    /// </summary>
    IReadOnlyList<IReadOnlyList<EntitySpan>> Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
