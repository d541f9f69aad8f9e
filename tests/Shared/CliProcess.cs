using System.Diagnostics;

namespace Begroting.Testing;

/// <summary>Runs the begroting command (begroting.dll beside the tests) in a folder, its output redirected, as a script would; shared by both test projects.</summary>
internal static class CliProcess
{
    public static (int Exit, string Out, string Err) Run(string? workingDirectory, params string[] args)
    {
        var run = Measured(workingDirectory, args);
        return (run.Exit, run.Out, run.Err);
    }

    /// <summary>Runs the command and measures it: its wall time and its peak resident memory (the kernel's high-water mark, read while it runs).</summary>
    public static (int Exit, string Out, string Err, TimeSpan Elapsed, long PeakBytes) Measured(string? workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "begroting.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        return (process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed, peak);
    }

    /// <summary>VmHWM of a running process, in bytes; 0 once it is gone (or off Linux).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
