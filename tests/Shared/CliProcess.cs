using System.Diagnostics;

namespace Begroting.Testing;

/// <summary>Runs the begroting command (begroting.dll beside the tests) in a folder, its output redirected, as a script would; shared by both test projects.</summary>
internal static class CliProcess
{
    public static (int Exit, string Out, string Err) Run(string? workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? string.Empty };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "begroting.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
