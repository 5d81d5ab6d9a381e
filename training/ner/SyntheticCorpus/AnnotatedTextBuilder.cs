using System.Text;

namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>Appends plain text and labelled entity values, keeping the char offsets of every entity.</summary>
internal sealed class AnnotatedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<LabeledSpan> _spans = [];

    public AnnotatedTextBuilder Text(string value)
    {
        _text.Append(value);
        return this;
    }

    public AnnotatedTextBuilder Entity(string label, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return this;
        }

        _spans.Add(new LabeledSpan(label, _text.Length, _text.Length + trimmed.Length));
        _text.Append(trimmed);
        return this;
    }

    public int Length => _text.Length;

    /// <summary>Lower-cases everything from <paramref name="start"/> on, char by char (offsets stay valid).</summary>
    public AnnotatedTextBuilder LowerFrom(int start)
    {
        for (var i = start; i < _text.Length; i++)
        {
            _text[i] = char.ToLowerInvariant(_text[i]);
        }

        return this;
    }

    public AnnotatedText Build(string lang, string template) => new(lang, template, _text.ToString(), _spans.ToArray());
}
