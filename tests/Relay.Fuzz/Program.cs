using SharpFuzz;
using StealthRelay.Fuzz.Invariants;

// Usage: Relay.Fuzz requests|streams            -> AFL++ persistent-mode target (run under afl-fuzz, see run-afl.sh)
//        Relay.Fuzz requests|streams <files...> -> replays inputs (a crash file, or a corpus) without AFL
if (args.Length == 0 || args[0] is not ("requests" or "streams"))
{
    Console.Error.WriteLine("usage: Relay.Fuzz requests|streams [input files or folders to replay]");
    return 2;
}

// Created on first use: instrumented code (Relay.Redaction) must not run before Fuzzer.OutOfProcess.Run has set up
// the shared coverage map, or it writes through a null map (AccessViolationException in the fork server).
FuzzEngine? engine = null;
Action<byte[]> target = args[0] == "requests"
    ? bytes => RequestInvariants.Check(engine ??= new FuzzEngine(), bytes)
    : bytes => StreamInvariants.Check(engine ??= new FuzzEngine(), bytes);

if (args.Length > 1)
{
    var files = args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p) : [p]).Order(StringComparer.Ordinal).ToList();
    foreach (var file in files)
    {
        target(File.ReadAllBytes(file));
    }

    Console.WriteLine($"{files.Count} inputs replayed, no invariant violated.");
    engine?.Dispose();
    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
