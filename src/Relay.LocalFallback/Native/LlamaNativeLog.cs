using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// Routes llama.cpp/ggml log lines to <see cref="ILogger"/> at Debug. Text is forwarded only while the model and
/// backends load (file metadata, devices, tensor layout: no request data exists yet); after that only the level and
/// the line's length are logged, so no prompt or completion text can reach a log line through llama.cpp.
/// </summary>
internal static unsafe class LlamaNativeLog
{
    private static volatile ILogger? s_logger;
    private static int s_loadScopes;

    public static void Attach(ILogger logger) => s_logger = logger;

    public static void Install() => NativeMethods.llama_log_set(&OnLog, null);

    /// <summary>Allows native log text through until the returned scope is disposed (model loading only).</summary>
    public static LoadScope BeginLoad()
    {
        Interlocked.Increment(ref s_loadScopes);
        return new LoadScope();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, void* userData)
    {
        var logger = s_logger;
        if (logger is null || !logger.IsEnabled(LogLevel.Debug) || text is null)
        {
            return;
        }

        try
        {
            var line = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text);
            if (Volatile.Read(ref s_loadScopes) > 0)
            {
#pragma warning disable CA1873 // guarded by the IsEnabled(Debug) check above
                LocalLog.NativeLoadMessage(logger, level, Encoding.UTF8.GetString(line).TrimEnd());
#pragma warning restore CA1873
            }
            else
            {
                LocalLog.NativeMessage(logger, level, line.Length);
            }
        }
#pragma warning disable CA1031 // an exception must never unwind into native code
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Ends a <see cref="BeginLoad"/> scope.</summary>
    internal readonly struct LoadScope : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref s_loadScopes);
    }
}
