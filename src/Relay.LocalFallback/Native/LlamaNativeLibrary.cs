using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// Process-wide, once-only start-up of llama.cpp: points the P/Invoke resolver at the extracted libraries
/// (<c>llama/cpu</c> or <c>llama/cuda</c> beside the application), routes the native log, loads the ggml backends
/// shipped as separate shared objects (<c>ggml_backend_load_all_from_path</c>) and calls <c>llama_backend_init</c>.
/// One process can host only one llama.cpp build: a later request for another backend fails.
/// </summary>
internal static class LlamaNativeLibrary
{
    private static readonly Lock s_gate = new();
    private static string? s_directory;
    private static LocalBackend? s_backend;

    /// <summary>The folder the libraries were loaded from, once initialised.</summary>
    public static string? Directory => s_directory;

    public static string DefaultDirectory(LocalBackend backend) =>
        Path.Combine(AppContext.BaseDirectory, "llama", backend == LocalBackend.Cuda ? "cuda" : "cpu");

    public static void EnsureInitialized(LocalBackend backend, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        lock (s_gate)
        {
            if (s_backend is { } current)
            {
                if (current != backend)
                {
                    throw new InvalidOperationException(
                        $"llama.cpp is already loaded with the {current} backend in this process; {backend} cannot be loaded beside it.");
                }

                LlamaNativeLog.Attach(logger);
                return;
            }

            var directory = DefaultDirectory(backend);
            if (FindLibrary(directory, "libllama") is null)
            {
                throw new InvalidOperationException(
                    $"The llama.cpp {backend} libraries are missing from '{directory}'. "
                    + (backend == LocalBackend.Cuda
                        ? "Build with -p:LlamaBackend=cuda to ship them."
                        : "They are copied there by the Relay.LocalFallback build (native/LlamaNative.targets)."));
            }

            if (backend == LocalBackend.Cuda)
            {
                var (driverVersion, devices) = CudaDriver.Query();
                CheckGpuCode(directory, driverVersion, devices, logger);
            }

            s_directory = directory;
            NativeLibrary.SetDllImportResolver(typeof(LlamaNativeLibrary).Assembly, Resolve);
            LlamaNativeLog.Attach(logger);
            LlamaNativeLog.Install();
            NativeMethods.ggml_backend_load_all_from_path(directory);
            NativeMethods.llama_backend_init();
            s_backend = backend;
        }
    }

    /// <summary>
    /// Refuses the CUDA build where its GPU code cannot run on one of the visible GPUs. The first kernel launch would
    /// fail there, and llama.cpp answers a CUDA error with ggml_abort, which ends the whole process (the gateway with
    /// it). Seen on an H200 (sm_90) with driver 580 (CUDA 13.0): the 3.22.1 package has sm_90 only as PTX of CUDA 13.1.
    /// </summary>
    internal static void CheckGpuCode(string directory, int driverVersion, IReadOnlyList<CudaDevice> devices, ILogger logger)
    {
        var targets = CudaTargets.Load(directory) ?? throw new InvalidOperationException(
            $"{CudaTargets.FileName} is missing from '{directory}': the CUDA build cannot be checked against this GPU. "
            + "The Relay.LocalFallback build ships it with the CUDA libraries (docs/local-model.md, \"CUDA\").");
        if (devices.Count == 0)
        {
            throw new InvalidOperationException("Relay:Local:Backend is cuda but the NVIDIA driver reports no GPU.");
        }

        foreach (var device in devices)
        {
            if (targets.Problem(device.Capability, driverVersion) is { } problem)
            {
                throw new InvalidOperationException(
                    $"The llama.cpp CUDA build ({targets.Package}) cannot run on GPU {device.Ordinal} ({device.Name}, "
                    + $"{CudaTargets.Sm(device.Capability)}): {problem}. Update the NVIDIA driver, hide that GPU "
                    + "(CUDA_VISIBLE_DEVICES), or set Relay:Local:Backend to cpu.");
            }

            var version = CudaTargets.Version(driverVersion);
            var architecture = CudaTargets.Sm(device.Capability);
            LocalLog.CudaDeviceChecked(logger, version, device.Ordinal, device.Name, architecture, targets.Package);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var directory = s_directory;
        if (directory is null)
        {
            return nint.Zero;
        }

        var prefix = libraryName switch
        {
            NativeMethods.LlamaLibrary => "libllama",
            NativeMethods.GgmlLibrary => "libggml",
            _ => null,
        };
        return prefix is not null && FindLibrary(directory, prefix) is { } path ? NativeLibrary.Load(path) : nint.Zero;
    }

    /// <summary>
    /// Finds <c>prefix.so</c> or a versioned <c>prefix.*.so</c> (libllama.v0.5.0.so, libllama.cuda.v0.5.0.so), never the
    /// dash-suffixed siblings (libggml-base.so, libllama-common.so).
    /// </summary>
    private static string? FindLibrary(string directory, string prefix)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return null;
        }

        var exact = Path.Combine(directory, prefix + ".so");
        if (File.Exists(exact))
        {
            return exact;
        }

        return System.IO.Directory.EnumerateFiles(directory, prefix + ".*.so").Order(StringComparer.Ordinal).FirstOrDefault();
    }
}
