using System.CommandLine;
using Begroting.Cli;

var root = new RootCommand("begroting: Leiden's programme budgets, annual reports and policy plans as validated, canonical data.")
{
    BuildCommand.Create(),
    ExtractCommand.Create(),
    StoreCommands.Export(),
    StoreCommands.Series(),
    StoreCommands.Query(),
    StoreCommands.Find(),
    LinksCommand.Create(),
    ValidateCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    LayoutCommand.Create(),
};
root.Options.Add(Output.Verbose);

// A fault no command foresaw is one line naming it, not a stack trace; --verbose shows the trace.
var verbose = args.Contains("--verbose");
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"error internal: {e.GetType().Name}: {e.Message}");
    if (verbose)
    {
        Console.Error.WriteLine(e);
    }

    return ExitCodes.DocumentFailed;
}
