using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using StealthRelay.LocalFallback.Native;

namespace StealthRelay.LocalFallback.Tests.Native;

public sealed class CudaPreflightTests : IDisposable
{
    // The facts of the shipped package (native/cuda-targets.json), read out of libggml-cuda.so with fatbin_targets.py.
    private static readonly CudaTargets Package = new()
    {
        Package = "@node-llama-cpp/linux-x64-cuda@3.22.1",
        Sass = [86, 89, 120, 121],
        Ptx = [75, 80, 90],
        PtxIsa = "9.1",
        PtxMinDriver = 13010,
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("relay-cuda-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(86, 12080)] // RTX 30xx: its own machine code, any driver
    [InlineData(87, 12080)] // Jetson Orin: sm_86 code runs on later minors of 8.x
    [InlineData(89, 13000)] // RTX 40xx, L4, L40
    [InlineData(120, 13000)] // RTX 50xx
    [InlineData(121, 13000)]
    [InlineData(90, 13010)] // H100/H200: PTX, with a driver for CUDA 13.1
    [InlineData(80, 13020)] // A100: PTX
    [InlineData(100, 13010)] // B200: the sm_90 PTX compiles for later architectures
    public void Problem_CodeRunsOnThatGpu_IsNull(int capability, int driver) => Assert.Null(Package.Problem(capability, driver));

    [Fact]
    public void Problem_HopperWithCuda130Driver_NamesTheDriverItNeeds()
    {
        // What the H200 of the device check had: driver 580 (CUDA 13.0); the first kernel launch aborted the process.
        var problem = Package.Problem(90, 13000);

        Assert.Equal("it has no machine code for sm_90 (only for sm_86, sm_89, sm_120, sm_121), and its PTX (ISA 9.1) "
            + "needs a driver for CUDA 13.1 or later; this driver supports CUDA 13.0", problem);
    }

    [Theory]
    [InlineData(70)] // V100: older than any code in the build
    [InlineData(61)]
    public void Problem_OlderThanEveryTarget_SaysNoneRuns(int capability)
    {
        var problem = Package.Problem(capability, 13020);

        Assert.Contains($"none of which runs on sm_{capability}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_MachineCodeOfAnotherMajor_DoesNotCount()
    {
        // sm_89 code is no use to an sm_90 GPU (machine code runs only within its major version).
        var targets = Package with { Ptx = [] };

        Assert.NotNull(targets.Problem(90, 13020));
        Assert.Null(targets.Problem(89, 0));
    }

    [Fact]
    public void ShippedTargetsFile_MatchesThePinnedPackage()
    {
        var native = Path.Combine(TestModel.RepositoryRoot(), "src", "Relay.LocalFallback", "native");
        var targets = CudaTargets.Load(native);
        var version = Regex.Match(File.ReadAllText(Path.Combine(native, "LlamaNative.targets")), "<LlamaNpmVersion>([^<]+)<").Groups[1].Value;

        Assert.NotNull(targets);
        Assert.Equal($"@node-llama-cpp/linux-x64-cuda@{version}", targets.Package);
        Assert.Equal(Package.Sass, targets.Sass);
        Assert.Equal(Package.Ptx, targets.Ptx);
        Assert.Equal((Package.PtxIsa, Package.PtxMinDriver), (targets.PtxIsa, targets.PtxMinDriver));
    }

    [Fact]
    public void CheckGpuCode_UnsupportedGpu_RefusesNamingGpuAndWayOut()
    {
        File.Copy(Path.Combine(TestModel.RepositoryRoot(), "src", "Relay.LocalFallback", "native", CudaTargets.FileName), Path.Combine(_folder, CudaTargets.FileName));
        CudaDevice[] devices = [new(0, "NVIDIA L4", 89), new(1, "NVIDIA H200", 90)];

        var error = Assert.Throws<InvalidOperationException>(() => LlamaNativeLibrary.CheckGpuCode(_folder, 13000, devices, NullLogger.Instance));

        Assert.StartsWith("The llama.cpp CUDA build (@node-llama-cpp/linux-x64-cuda@3.22.1) cannot run on GPU 1 (NVIDIA H200, sm_90): ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Update the NVIDIA driver, hide that GPU (CUDA_VISIBLE_DEVICES), or set Relay:Local:Backend to cpu.", error.Message, StringComparison.Ordinal);
        LlamaNativeLibrary.CheckGpuCode(_folder, 13010, devices, NullLogger.Instance);
    }

    [Fact]
    public void CheckGpuCode_NoTargetsFileOrNoGpu_Refuses()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => LlamaNativeLibrary.CheckGpuCode(_folder, 13010, [new(0, "GPU", 89)], NullLogger.Instance));
        Assert.Contains("cuda-targets.json is missing", missing.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, CudaTargets.FileName), "{\"sass\": [89]}");
        var none = Assert.Throws<InvalidOperationException>(() => LlamaNativeLibrary.CheckGpuCode(_folder, 13010, [], NullLogger.Instance));
        Assert.Contains("reports no GPU", none.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, CudaTargets.FileName), "{\"sass\": [89");
        var broken = Assert.Throws<InvalidOperationException>(() => CudaTargets.Load(_folder));
        Assert.Contains("is not valid", broken.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, ": no CUDA-capable GPU is visible; check CUDA_VISIBLE_DEVICES and the container's GPU access")]
    [InlineData(35, ": the driver is older than the CUDA runtime")]
    [InlineData(12345, "")]
    public void Meaning_NamesTheDriverErrorsOfAStartUp(int result, string meaning) => Assert.Equal(meaning, CudaDriver.Meaning(result));

    [Fact]
    public void Query_ReportsTheDriverOrSaysItIsMissing()
    {
        // Machines without an NVIDIA driver (CI) get the message; machines with one get its version.
        if (NativeLibrary.TryLoad("libcuda.so.1", out var handle))
        {
            NativeLibrary.Free(handle);
            Assert.True(CudaDriver.Query().DriverVersion >= 10000);
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(() => CudaDriver.Query());
            Assert.Contains("libcuda.so.1 was not found", error.Message, StringComparison.Ordinal);
        }
    }
}
