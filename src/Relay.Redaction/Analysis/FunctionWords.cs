using System.Collections.Frozen;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Pronouns and articles of the model's languages (en, de, fr, nl), which are never a name, a place or an
/// organisation on their own. The NER model sometimes tags one ("Call <c>me</c> at ...", "Ruf <c>mich</c> an",
/// "call <c>us</c> back"), and value propagation would then redact every "me" of the conversation under that
/// placeholder. Words that are also names are left out (the surnames He, Le, Lui, Ma, Son, Du, Das, Moi; the given
/// names Des, Elle, Les; the Seine, the Eure, Mir, Haar, An, ...): a model span of only those is kept. A word written
/// in capitals (<c>US</c>, <c>IT</c>, <c>ME</c>) is an abbreviation, not a pronoun, and is never one of these.
/// </summary>
internal static class FunctionWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        // en
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "him", "his", "himself",
        "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves", "they", "them",
        "their", "theirs", "themselves", "the", "a",
        // de
        "ich", "mich", "mein", "meine", "meinen", "meinem", "meiner", "du", "dich", "dir", "dein", "deine",
        "deinen", "deinem", "deiner", "er", "ihn", "ihm", "sein", "seinen", "seinem", "seiner", "sie", "ihr",
        "ihre", "ihren", "ihrem", "ihrer", "es", "wir", "uns", "unser", "unsere", "unseren", "unserem", "euch", "euer",
        "der", "die", "den", "dem", "ein", "eine", "einen", "einem", "einer",
        // fr
        "je", "mon", "mes", "tu", "toi", "te", "ton", "tes", "il", "nous", "vous", "ils", "elles", "eux", "leur",
        "leurs", "ses", "un", "une",
        // nl
        "ik", "mij", "mijn", "jij", "jou", "jouw", "jullie", "hij", "hem", "zij", "ze", "wij", "ons", "onze", "hun",
        "hen", "het", "een");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="value"/> holds at least one word and every word in it (runs of letters; anything else
    /// separates them) is a pronoun or an article not written in capitals.
    /// </summary>
    public static bool Only(ReadOnlySpan<char> value)
    {
        var words = 0;
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsLetter(value[i]))
            {
                if (char.IsDigit(value[i]))
                {
                    return false;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && char.IsLetter(value[i]))
            {
                i++;
            }

            var word = value[start..i];
            if ((word.Length > 1 && IsAllUpper(word)) || !Lookup.Contains(word))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
