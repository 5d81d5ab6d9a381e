using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// Usage: OnnxCheck <model.onnx> <onnx_reference.json>   (feeds case_ids too when the reference has them)
// 1. Runs the exported model in the real ONNX Runtime on the reference input written by the Python export and
//    compares the logits with PyTorch's (fails if any differs by more than 1e-3).
// 2. Measures single-thread latency on a 250-piece sequence (a ~1 KB prompt): prints p50/p90 over 200 runs.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: OnnxCheck <model.onnx> <onnx_reference.json>");
    return 2;
}

using var reference = JsonDocument.Parse(File.ReadAllText(args[1]));
var ids = reference.RootElement.GetProperty("input_ids").EnumerateArray().Select(e => e.GetInt64()).ToArray();
long[]? cases = reference.RootElement.TryGetProperty("case_ids", out var caseElement)
    ? caseElement.EnumerateArray().Select(e => e.GetInt64()).ToArray()
    : null;
var expected = reference.RootElement.GetProperty("logits").EnumerateArray()
    .Select(row => row.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();

using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
using var session = new InferenceSession(args[0], options);

var logits = Run(session, ids, cases);
var numLabels = expected[0].Length;
var maxDiff = 0f;
for (var t = 0; t < expected.Length; t++)
{
    for (var l = 0; l < numLabels; l++)
    {
        maxDiff = Math.Max(maxDiff, Math.Abs(expected[t][l] - logits[(t * numLabels) + l]));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"onnxruntime vs torch: max |diff| = {maxDiff:E2}"));
if (maxDiff > 1e-3f)
{
    Console.Error.WriteLine("MISMATCH between ONNX Runtime and PyTorch logits");
    return 1;
}

var random = new Random(7);
var longIds = new long[250];
long[]? longCases = cases is null ? null : new long[250];
longIds[0] = 2;
longIds[^1] = 3;
for (var i = 1; i < longIds.Length - 1; i++)
{
    longIds[i] = random.Next(5, 12000);
    if (longCases is not null)
    {
        longCases[i] = random.Next(1, 7);
    }
}

for (var i = 0; i < 20; i++)
{
    Run(session, longIds, longCases);
}

var times = new List<double>();
for (var i = 0; i < 200; i++)
{
    var sw = Stopwatch.StartNew();
    Run(session, longIds, longCases);
    times.Add(sw.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency, 250 pieces, 1 intra-op thread: p50 {times[100]:F2} ms, p90 {times[180]:F2} ms, min {times[0]:F2} ms"));
return 0;

static float[] Run(InferenceSession session, long[] ids, long[]? cases)
{
    var shape = new[] { 1, ids.Length };
    var mask = Enumerable.Repeat(1L, ids.Length).ToArray();
    List<NamedOnnxValue> inputs =
    [
        NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
        NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
    ];
    if (cases is not null)
    {
        inputs.Add(NamedOnnxValue.CreateFromTensor("case_ids", new DenseTensor<long>(cases, shape)));
    }

    using var results = session.Run(inputs);
    return results.First(r => r.Name == "logits").AsEnumerable<float>().ToArray();
}
