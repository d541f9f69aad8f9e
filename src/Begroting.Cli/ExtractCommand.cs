using System.CommandLine;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Batch;
using Begroting.Store;

namespace Begroting.Cli;

internal static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders (folders are searched for .txt, .html and .pdf documents; the pages of one site document become one document).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for <document-id>.json and facts.csv.", Required = true };
        var kind = new Option<DocumentKind?>("--kind") { Description = "Document kind for every input, overriding content and manifest." };
        var year = new Option<int?>("--year") { Description = "Document year for every input, overriding content and manifest." };
        var programme = new Option<string?>("--programme") { Description = "Programme number for every input, overriding content and manifest." };
        var password = new Option<string?>("--password") { Description = "Password for encrypted PDF inputs." };
        var noOcr = new Option<bool>("--no-ocr") { Description = "Do not read pages without a text layer (scans) by OCR." };
        var ocrCache = new Option<string?>("--ocr-cache") { Description = "Folder that keeps recognised pages (default: ~/.cache/begroting/ocr; empty for none)." };
        var budgets = BatchOutput.Budgets();
        var command = new Command("extract", "Read documents and write one canonical JSON per document plus facts.csv.") { inputs, output, kind, year, programme, password, noOcr, ocrCache };
        foreach (var option in budgets.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Run(
            result.GetValue(inputs)!,
            result.GetValue(output)!,
            new ExtractionOptions { Kind = result.GetValue(kind), Year = result.GetValue(year), Programme = result.GetValue(programme), Password = result.GetValue(password), Ocr = !result.GetValue(noOcr), OcrCache = result.GetValue(ocrCache) },
            budgets.Read(result),
            result.GetValue(Output.Verbose)));
        return command;
    }

    private static int Run(string[] inputs, string outDir, ExtractionOptions options, BatchOptions batch, bool verbose)
    {
        IReadOnlyList<SourceUnit> units;
        try
        {
            units = SourceUnit.Of(inputs);
        }
        catch (FileNotFoundException e)
        {
            Output.Error(e.Message);
            return ExitCodes.Usage;
        }

        // A folder with nothing to read is an error of its own, not a run that did nothing and says it went well.
        var empty = BatchOutput.EmptyFolders(inputs);
        if (empty == inputs.Length)
        {
            return ExitCodes.DocumentFailed;
        }

        Directory.CreateDirectory(outDir);
        var roots = new InputRoots(inputs);
        string Display(string f) => roots.Display(f);
        var results = BatchRunner.Run(units, (unit, token) => Extraction.ExtractAll(unit.Files, options, new ManifestIndex(), Display, token), batch, Display).SelectMany(r => r).ToList();
        var documents = new List<CanonicalDocument>();
        var (written, failed) = BatchOutput.Write(results, outDir, verbose, PublicationIndex.For(inputs), (result, doc, facts) =>
        {
            documents.Add(doc);
            Console.WriteLine($"{result.File} -> {doc.Document.Id}.json: {doc.Goals.Count} goals, {doc.Indicators.Count} indicators, {doc.FinancialTables.Count} financial tables, {facts} facts, {doc.Residue.Count} residue, {doc.Warnings.Count} warnings");
        });
        Console.WriteLine($"{written} of {written + failed} documents written to {outDir}");
        foreach (var line in BatchOutput.Problems(documents))
        {
            Console.WriteLine(line);
        }

        return failed + empty == 0 ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}
