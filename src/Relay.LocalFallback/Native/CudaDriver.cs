using System.Runtime.InteropServices;
using System.Text;

namespace StealthRelay.LocalFallback.Native;

/// <summary>One visible GPU: its ordinal, name and compute capability (major × 10 + minor).</summary>
internal readonly record struct CudaDevice(int Ordinal, string Name, int Capability);

/// <summary>
/// Reads the driver version and the visible GPUs through the CUDA driver API (<c>libcuda.so.1</c>, installed with the
/// NVIDIA driver), loaded at run time so that machines without a driver get an error message rather than a
/// <see cref="DllNotFoundException"/>.
/// </summary>
internal static unsafe class CudaDriver
{
    private const string Library = "libcuda.so.1";
    private const int ComputeCapabilityMajor = 75; // CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR
    private const int ComputeCapabilityMinor = 76;

    /// <summary>The driver's CUDA version (13000 = 13.0) and its GPUs; throws <see cref="InvalidOperationException"/> saying what is missing.</summary>
    public static (int DriverVersion, IReadOnlyList<CudaDevice> Devices) Query()
    {
        if (!NativeLibrary.TryLoad(Library, out var handle))
        {
            throw new InvalidOperationException($"The NVIDIA driver library {Library} was not found: no NVIDIA driver is installed or visible here.");
        }

        try
        {
            var init = (delegate* unmanaged<uint, int>)NativeLibrary.GetExport(handle, "cuInit");
            var getVersion = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(handle, "cuDriverGetVersion");
            var getCount = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(handle, "cuDeviceGetCount");
            var getDevice = (delegate* unmanaged<int*, int, int>)NativeLibrary.GetExport(handle, "cuDeviceGet");
            var getAttribute = (delegate* unmanaged<int*, int, int, int>)NativeLibrary.GetExport(handle, "cuDeviceGetAttribute");
            var getName = (delegate* unmanaged<byte*, int, int, int>)NativeLibrary.GetExport(handle, "cuDeviceGetName");

            Check(init(0), "cuInit");
            int version, count;
            Check(getVersion(&version), "cuDriverGetVersion");
            Check(getCount(&count), "cuDeviceGetCount");
            var devices = new List<CudaDevice>(count);
            var name = stackalloc byte[256];
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                int device, major, minor;
                Check(getDevice(&device, ordinal), "cuDeviceGet");
                Check(getAttribute(&major, ComputeCapabilityMajor, device), "cuDeviceGetAttribute");
                Check(getAttribute(&minor, ComputeCapabilityMinor, device), "cuDeviceGetAttribute");
                Check(getName(name, 256, device), "cuDeviceGetName");
                devices.Add(new CudaDevice(ordinal, Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name)), (major * 10) + minor));
            }

            return (version, devices);
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"The NVIDIA driver refused {call} (CUDA error {result}{Meaning(result)}).");
        }
    }

    /// <summary>The CUDA driver API's names for the errors a start-up can meet (cuda.h, CUresult).</summary>
    internal static string Meaning(int result) => result switch
    {
        3 => ": not initialized",
        35 => ": the driver is older than the CUDA runtime",
        100 => ": no CUDA-capable GPU is visible; check CUDA_VISIBLE_DEVICES and the container's GPU access",
        101 => ": invalid device ordinal",
        304 => ": an operating-system call failed",
        803 => ": the driver and the kernel module do not match",
        804 => ": this GPU does not support forward compatibility",
        999 => ": unknown error",
        _ => "",
    };
}
