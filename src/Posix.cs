using System.Runtime.InteropServices;

namespace SiteGen;

/// <summary>
/// The file-system calls .NET does not offer: the real path of a file with every link resolved (realpath), an atomic
/// exchange of two folders (renameat2 with RENAME_EXCHANGE, Linux 3.15 and later), and opening a file without waiting
/// when it is a named pipe (open with O_NONBLOCK).
/// </summary>
public static class Posix
{
    private const int ENOENT = 2, ENOTDIR = 20, EINVAL = 22, ENOSYS = 38, ELOOP = 40, ELOOP_BSD = 62;
    private const int AT_FDCWD = -100;
    private const uint RENAME_EXCHANGE = 2;
    private const int O_RDONLY = 0, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000, SEEK_CUR = 1;

    public enum Failure { None, Missing, Loop, Other }

    /// <summary>The path with every symbolic link of every component resolved; null with the reason when it cannot be.</summary>
    public static string? RealPath(string path, out Failure failure, out string? message)
    {
        failure = Failure.None;
        message = null;
        if (OperatingSystem.IsWindows()) return ManagedRealPath(path, out failure, out message);
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            failure = errno switch { ENOENT or ENOTDIR => Failure.Missing, ELOOP or ELOOP_BSD => Failure.Loop, _ => Failure.Other };
            message = Marshal.GetPInvokeErrorMessage(errno);
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>Swaps two existing folders in one step, so neither path is ever missing.</summary>
    /// <returns>false where the system cannot (not Linux, an old kernel, a file system without it): the caller falls back.</returns>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        int result;
        try
        {
            result = renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than glibc 2.28
        }
        if (result == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno is ENOSYS or EINVAL) return false;
        throw new IOException($"cannot swap {b} for the new build: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    private static string? ManagedRealPath(string path, out Failure failure, out string? message)
    {
        failure = Failure.None;
        message = null;
        try
        {
            var full = Path.GetFullPath(path);
            var target = File.Exists(full) ? File.ResolveLinkTarget(full, true) : Directory.ResolveLinkTarget(full, true);
            var real = target?.FullName ?? full;
            if (Path.Exists(real)) return real;
            failure = Failure.Missing;
        }
        catch (IOException e)
        {
            failure = Failure.Loop;
            message = e.Message;
        }
        return null;
    }

    /// <summary>
    /// A file opened to read, or null when it is not a regular file. A named pipe in the content would make a plain
    /// open wait for a writer that never comes, and it cannot be read by position: it is opened without waiting and
    /// refused because it cannot seek (so is a socket, which cannot be opened at all: an IOException).
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? OpenRegular(string path)
    {
        // The flag values are Linux's; elsewhere .NET's own open is used.
        if (!OperatingSystem.IsLinux()) return File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        if (lseek(fd, 0, SEEK_CUR) >= 0) return handle;
        handle.Dispose();
        return null;
    }

    /// <summary>
    /// The real path of the file an open handle refers to, as Linux's /proc reports it; null elsewhere, or where /proc
    /// is not mounted.
    /// </summary>
    public static string? OpenedPath(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code allowed project-wide; both compile ahead of time.
    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirFd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern long lseek(int fd, long offset, int whence);
}
