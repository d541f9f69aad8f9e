using Begroting.Fuzz.Tests.Harness;

namespace Begroting.Fuzz.Tests;

/// <summary>The test assembly as a program: the fuzz worker, which the tests start as a child process.</summary>
public static class Program
{
    public const string WorkerFlag = "--fuzz-worker";

    public static int Main(string[] args)
    {
        if (args is [WorkerFlag])
        {
            return Worker.Serve(Console.In, Console.Out);
        }

        Console.Error.WriteLine($"usage: dotnet Begroting.Fuzz.Tests.dll {WorkerFlag} (started by the fuzz tests; run them with scripts/fuzz.sh or dotnet test)");
        return 2;
    }
}
