using System.Globalization;
using System.Text;
using Bogus;
using StealthRelay.Training.SyntheticCorpus;

// Usage: SyntheticCorpus <outDir> [--seed N] [--train N] [--dev N] [--test N] [--dev-shapes train|held-out]
//   (documents per language and split; --dev-shapes: the dev split from the training templates (default, what the
//   shipped model was selected on) or from DevTemplates.cs, document shapes neither trained on nor tested)
// Deterministic: the same arguments give byte-identical files.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SyntheticCorpus <outDir> [--seed N] [--train N] [--dev N] [--test N] [--dev-shapes train|held-out]");
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
var heldOutDev = StringOption("--dev-shapes", "train") switch
{
    "train" => false,
    "held-out" => true,
    var other => throw new ArgumentException($"--dev-shapes must be train or held-out, not '{other}'"),
};
string[] languages = ["en", "de", "fr", "nl"];
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var testSpans = new List<AnnotatedText>();

for (var splitIndex = 0; splitIndex < 3; splitIndex++)
{
    var split = counts.Keys.ElementAt(splitIndex);
    // test: shapes never trained on; dev (checkpoint selection): the training shapes, or with --dev-shapes held-out a
    // third set, so that selection too measures generalisation to unseen phrasing rather than memorised templates
    var templates = split switch
    {
        "test" => TestTemplates.All,
        "dev" when heldOutDev => DevTemplates.All,
        _ => [.. TrainTemplates.All, .. ComposedTemplates.All],
    };
    for (var langIndex = 0; langIndex < languages.Length; langIndex++)
    {
        var lang = languages[langIndex];
        // One seed per (split, language): splits never share generated values by construction of the stream.
        var splitSeed = seed + (1000 * splitIndex) + langIndex;
        var faker = new Faker(lang) { Random = new Randomizer(splitSeed) };
        // train (and dev from the training shapes): a third of the names from another locale (own seeded fakers);
        // test and held-out dev: the document's locale only
        Faker[]? nameFakers = split == "test" || (split == "dev" && heldOutDev)
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

string StringOption(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? int.Parse(args[index + 1], CultureInfo.InvariantCulture)
        : fallback;
}
