using System.CommandLine;
using System.Diagnostics;
using Begroting.Pipeline;
using Begroting.Pipeline.Batch;
using Begroting.Store;
using Spectre.Console;

namespace Begroting.Cli;

internal static class BuildCommand
{
    public const string DefaultDb = "out/begroting.duckdb";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Corpus folder(s) or files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for <document-id>.json and facts.csv (default: out).", DefaultValueFactory = _ => "out" };
        var db = new Option<string?>("--db") { Description = "The store (default: <out>/begroting.duckdb)." };
        var noOcr = new Option<bool>("--no-ocr") { Description = "Do not read pages without a text layer (scans) by OCR." };
        var model = new Option<string?>("--model") { Description = "A link model to use instead of the one the tool carries (written by `begroting links train`)." };
        var overrides = new Option<string?>("--overrides") { Description = "Link overrides (a,b,same|different,reason) to use instead of the ones the tool carries." };
        var ocrCache = new Option<string?>("--ocr-cache") { Description = "Folder that keeps recognised pages (default: ~/.cache/begroting/ocr; empty for none)." };
        var budgets = BatchOutput.Budgets();
        var command = new Command("build", "Extract every document (unchanged ones are reused), link indicators into series and load the DuckDB store.") { inputs, output, db, noOcr, ocrCache, model, overrides };
        foreach (var option in budgets.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Run(
            result.GetValue(inputs)!,
            result.GetValue(output)!,
            result.GetValue(db),
            new BuildOptions { Extraction = new ExtractionOptions { Ocr = !result.GetValue(noOcr), OcrCache = result.GetValue(ocrCache) }, Batch = budgets.Read(result), Model = result.GetValue(model), Overrides = result.GetValue(overrides) },
            result.GetValue(Output.Verbose)));
        return command;
    }

    private static int Run(string[] inputs, string outDir, string? db, BuildOptions options, bool verbose)
    {
        foreach (var input in inputs.Where(i => !Directory.Exists(i) && !File.Exists(i)).Concat(new[] { options.Model, options.Overrides }.OfType<string>().Where(f => !File.Exists(f))))
        {
            Output.Error($"{input}: no such file or folder");
            return ExitCodes.Usage;
        }

        // A folder with nothing to read is an error of its own, not a run that did nothing and says it went well.
        var empty = BatchOutput.EmptyFolders(inputs);
        if (empty == inputs.Length)
        {
            return ExitCodes.DocumentFailed;
        }

        Directory.CreateDirectory(outDir);
        var database = db ?? Path.Combine(outDir, "begroting.duckdb");
        var roots = new InputRoots(inputs);
        string Display(string f) => roots.Display(f);
        var clock = Stopwatch.StartNew();
        BuildResult result;
        if (Output.Plain)
        {
            result = StoreBuilder.Build(inputs, database, options, Display);
        }
        else
        {
            BuildResult? built = null;
            AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).Start(ctx =>
            {
                var task = ctx.AddTask("extracting");
                built = StoreBuilder.Build(inputs, database, options, Display, (done, total, name) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                    task.Description = Markup.Escape(name.Length > 50 ? "..." + name[^47..] : name);
                });
            });
            result = built!;
        }

        var (written, failed) = BatchOutput.Write(result.Results, outDir, verbose, PublicationIndex.For(inputs));
        if (result.StoreError is { } storeError)
        {
            failed++;
            BatchOutput.Report(storeError, verbose);
        }

        var publications = result.Renditions.Select(r => r.Publication).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine($"{written} of {result.Results.Count} documents ({publications} publications) in {database}: {result.Extracted} sources extracted, {result.Reused} reused unchanged; {result.Series} series; {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var line in BatchOutput.Problems(result.Renditions.Select(r => r.Document).ToList()))
        {
            Console.WriteLine(line);
        }

        return failed + empty == 0 ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}
