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
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
