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
    StoreCommands.Report(),
    LinksCommand.Create(),
    ValidateCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    LayoutCommand.Create(),
};
root.Options.Add(Output.Verbose);

// A fault no command foresaw is one line naming it, not a stack trace; --verbose shows the trace.
var verbose = args.Contains("--verbose");
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
{
    // A mistyped command or option is a usage error: what was wrong, what was meant, where to look; not the whole help.
    foreach (var error in parsed.Errors.Where(e => parsed.UnmatchedTokens.Count == 0 || e.Message != "Required command was not provided."))
    {
        Console.Error.WriteLine($"begroting: {error.Message}");
    }

    var command = parsed.CommandResult.Command;
    foreach (var token in parsed.UnmatchedTokens.Take(1))
    {
        var near = (token.StartsWith('-') ? command.Options.Select(o => o.Name) : command.Subcommands.Select(c => c.Name))
            .Where(name => Begroting.Model.Text.EditDistance.Between(token, name, ignoreCase: true, swaps: true) <= Math.Max(2, name.Length / 3)).Order(StringComparer.Ordinal).ToList();
        if (near.Count > 0)
        {
            Console.Error.WriteLine($"did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}?");
        }
    }

    Console.Error.WriteLine($"see 'begroting {(command == root ? string.Empty : command.Name + " ")}--help'");
    return ExitCodes.Usage;
}

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
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
