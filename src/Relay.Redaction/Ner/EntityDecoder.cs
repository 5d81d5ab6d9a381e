namespace StealthRelay.Redaction.Ner;

/// <summary>
/// Turns one label per word into entity spans, repairing broken sequences the way conlleval reads them: an
/// <c>I-</c> without a preceding entity of the same type starts one, a type change ends the current entity and starts
/// a new one, <c>B-</c>/<c>S-</c> always start one. The score is the mean probability of the entity's word labels.
/// </summary>
internal static class EntityDecoder
{
    public const string Source = "ner";

    /// <param name="words">Word offsets.</param>
    /// <param name="labels">The label of each word; a word with <see cref="BioTag.Outside"/> ends any entity.</param>
    /// <param name="probabilities">The probability of each word's label.</param>
    /// <param name="hasLabel">False for words that produced no token (only control characters): they are skipped.</param>
    public static List<EntitySpan> Decode(
        ReadOnlySpan<WordSpan> words, ReadOnlySpan<NerLabel> labels, ReadOnlySpan<float> probabilities,
        ReadOnlySpan<bool> hasLabel)
    {
        var spans = new List<EntitySpan>();
        string? type = null;
        int start = 0, end = 0, count = 0;
        double sum = 0;

        for (var i = 0; i < words.Length; i++)
        {
            if (!hasLabel[i])
            {
                continue;
            }

            var label = labels[i];
            var continues = type is not null && label.EntityType == type
                && label.Tag is BioTag.Inside or BioTag.End;
            if (!continues)
            {
                Close();
                if (label.Tag != BioTag.Outside && label.EntityType is not null)
                {
                    type = label.EntityType;
                    start = words[i].Start;
                }
            }

            if (type is not null)
            {
                end = words[i].End;
                sum += probabilities[i];
                count++;
                if (label.Tag is BioTag.End or BioTag.Single)
                {
                    Close();
                }
            }
        }

        Close();
        return spans;

        void Close()
        {
            if (type is not null && count > 0)
            {
                spans.Add(new EntitySpan(type, start, end, sum / count, Source));
            }

            type = null;
            count = 0;
            sum = 0;
        }
    }
}
