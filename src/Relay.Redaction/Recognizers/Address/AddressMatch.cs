namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>A validated street-address candidate before a postcode/city tail is attached and overlaps are merged.</summary>
/// <param name="Start">First code unit.</param>
/// <param name="End">One past the last code unit.</param>
/// <param name="Score">Score per the recognizer score convention.</param>
/// <param name="LowerCaseRegion">Whether the text around it is written without capitals (names may be lower-case).</param>
internal readonly record struct AddressMatch(int Start, int End, double Score, bool LowerCaseRegion);
