namespace StealthRelay.Redaction.Ner;

/// <summary>A pre-tokenized word: UTF-16 offsets into the analysed text, <see cref="End"/> exclusive.</summary>
internal readonly record struct WordSpan(int Start, int End);
