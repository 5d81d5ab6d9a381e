namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>Writes documents as WikiANN-style token files: <c>lang:token&lt;TAB&gt;BIO</c>, blank line between documents.</summary>
internal static class ConllWriter
{
    public static void Write(TextWriter writer, IEnumerable<AnnotatedText> docs)
    {
        foreach (var doc in docs)
        {
            LabeledSpan? previousSpan = null;
            foreach (var (start, end) in WordSplitter.Split(doc.Text))
            {
                var span = doc.Spans.FirstOrDefault(s => start >= s.Start && end <= s.End);
                var tag = span is null ? "O" : (ReferenceEquals(span, previousSpan) ? "I-" : "B-") + span.Label;

                writer.Write(doc.Lang);
                writer.Write(':');
                writer.Write(doc.Text.AsSpan(start, end - start));
                writer.Write('\t');
                writer.Write(tag);
                writer.Write('\n');
                previousSpan = span;
            }

            writer.Write('\n');
        }
    }
}
