using System.CommandLine;
using Begroting.Model.Canonical;
using Begroting.Pipeline;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;

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
        var command = new Command("extract", "Read documents and write one canonical JSON per document plus facts.csv.") { inputs, output, kind, year, programme, password, noOcr, ocrCache };
        command.SetAction(result => Run(
            result.GetValue(inputs)!,
            result.GetValue(output)!,
            new ExtractionOptions { Kind = result.GetValue(kind), Year = result.GetValue(year), Programme = result.GetValue(programme), Password = result.GetValue(password), Ocr = !result.GetValue(noOcr), OcrCache = result.GetValue(ocrCache) }));
        return command;
    }

    private static int Run(string[] inputs, string outDir, ExtractionOptions options)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(Extraction.IsReadable)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                Console.Error.WriteLine($"{input}: no such file or folder");
                return ExitCodes.Usage;
            }
        }

        Directory.CreateDirectory(outDir);
        var manifests = new ManifestIndex();
        var failed = 0;
        var facts = new List<FactRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var results = Extraction.ExtractAll(files.Distinct(StringComparer.Ordinal).ToList(), options, manifests, f => Path.GetRelativePath(Directory.GetCurrentDirectory(), f));
        foreach (var result in results)
        {
            if (result.Document is not { } doc)
            {
                failed++;
                Console.Error.WriteLine($"error {result.ErrorCode}: {result.Error}");
                continue;
            }

            if (!ids.Add(doc.Document.Id))
            {
                failed++;
                Console.Error.WriteLine($"error duplicate-id: {result.File}: document id '{doc.Document.Id}' is already used by another input");
                continue;
            }

            AtomicFile.Write(Path.Combine(outDir, doc.Document.Id + ".json"), CanonicalJson.Serialize(doc));
            var rows = Facts.Of(doc).ToList();
            facts.AddRange(rows);
            Console.WriteLine($"{result.File} -> {doc.Document.Id}.json: {doc.Goals.Count} goals, {doc.Indicators.Count} indicators, {doc.FinancialTables.Count} financial tables, {rows.Count} facts, {doc.Residue.Count} residue, {doc.Warnings.Count} warnings");
        }

        AtomicFile.Write(Path.Combine(outDir, "facts.csv"), Facts.ToCsv(facts));
        Console.WriteLine($"{results.Count - failed} of {results.Count} documents written to {outDir}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}

/// <summary>Writes through a temporary file so a crash never leaves a half-written file that looks complete.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
