namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// A candidate of the English street shape: the house number from <see cref="Start"/> to <see cref="NumberEnd"/>, the
/// name words from <see cref="NameStart"/> to <see cref="NameEnd"/> (with their trailing blanks), the whole candidate
/// (street types, direction, unit) ending at <see cref="End"/>.
/// </summary>
internal readonly record struct EnglishStreetCandidate(int Start, int End, int NumberEnd, int NameStart, int NameEnd);
