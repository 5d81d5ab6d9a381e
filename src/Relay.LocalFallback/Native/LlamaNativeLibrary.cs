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

            s_directory = directory;
            NativeLibrary.SetDllImportResolver(typeof(LlamaNativeLibrary).Assembly, Resolve);
            LlamaNativeLog.Attach(logger);
            LlamaNativeLog.Install();
            NativeMethods.ggml_backend_load_all_from_path(directory);
            NativeMethods.llama_backend_init();
            s_backend = backend;
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
