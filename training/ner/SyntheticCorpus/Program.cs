using System.Globalization;
using System.Text;
using Bogus;
using StealthRelay.Training.SyntheticCorpus;

// Usage: SyntheticCorpus <outDir> [--seed N] [--train N] [--dev N] [--test N]  (documents per language and split)
// Deterministic: the same arguments give byte-identical files.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SyntheticCorpus <outDir> [--seed N] [--train N] [--dev N] [--test N]");
    return 2;
}

var outDir = args[0];
var seed = IntOption("--seed", 20261123);
var counts = new Dictionary<string, int>
{
    ["train"] = IntOption("--train", 2500),
    ["dev"] = IntOption("--dev", 250),
    ["test"] = IntOption("--test", 250),
};
string[] languages = ["en", "de", "fr", "nl"];
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var testSpans = new List<AnnotatedText>();

for (var splitIndex = 0; splitIndex < 3; splitIndex++)
{
    var split = counts.Keys.ElementAt(splitIndex);
    var templates = split == "test" ? TestTemplates.All : [.. TrainTemplates.All, .. ComposedTemplates.All];
    for (var langIndex = 0; langIndex < languages.Length; langIndex++)
    {
        var lang = languages[langIndex];
        // One seed per (split, language): splits never share generated values by construction of the stream.
        var splitSeed = seed + (1000 * splitIndex) + langIndex;
        var faker = new Faker(lang) { Random = new Randomizer(splitSeed) };
        // train/dev: a third of the names from another locale (own seeded fakers); test: the document's locale only
        Faker[]? nameFakers = split == "test"
            ? null
            : [.. languages.Where(l => l != lang).Select((l, k) => new Faker(l) { Random = new Randomizer(splitSeed + 100 + k) })];
        var caseRandom = new Random(splitSeed);
        var docs = new List<AnnotatedText>(counts[split]);
        for (var i = 0; i < counts[split]; i++)
        {
            var (name, write) = templates[i % templates.Count];
            var context = new DocumentContext(lang, faker, nameFakers);
            write(context);
            docs.Add(CaseRenderer.Render(context.Builder.Build(lang, name), caseRandom));
        }

        Directory.CreateDirectory(Path.Combine(outDir, lang));
        using (var writer = new StreamWriter(Path.Combine(outDir, lang, split), false, utf8))
        {
            ConllWriter.Write(writer, docs);
        }

        if (split == "test")
        {
            testSpans.AddRange(docs);
        }
    }
}

using (var writer = new StreamWriter(Path.Combine(outDir, "test.jsonl"), false, utf8))
{
    SpanJsonWriter.Write(writer, testSpans);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"wrote synthetic corpus to {outDir}: {counts["train"]}/{counts["dev"]}/{counts["test"]} docs per language"));
return 0;

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? int.Parse(args[index + 1], CultureInfo.InvariantCulture)
        : fallback;
}
