using System.Runtime.InteropServices;

/// <summary>CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), as the C benchmark measures it.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Seconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed");
        }

        return time.Seconds + (time.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
