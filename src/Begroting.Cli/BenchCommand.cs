using System.CommandLine;
using System.Globalization;
using Begroting.Pipeline;
using Begroting.Pipeline.Batch;
using Begroting.Pipeline.Benchmarks;

namespace Begroting.Cli;

internal static class BenchCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("folder") { Description = "Folder of documents to measure (default: corpus).", DefaultValueFactory = _ => "corpus" };
        var iterations = new Option<int>("--iterations") { Description = "Measured passes over all pages.", DefaultValueFactory = _ => 20 };
        var command = new Command("bench", "Pages per second of the full pipeline against a bare baseline on the same pages, as a ratio.") { input, iterations };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(iterations)));
        return command;
    }

    private static int Run(string folder, int iterations)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"{folder}: no such folder");
            return ExitCodes.Usage;
        }

        var files = SourceUnit.FilesBelow(folder).ToList();
        var html = files.Where(Extraction.IsHtmlFile).ToList();
        Console.WriteLine($"{"format",-6} {"pages",6} {"passes",6} {"baseline",-38} {"baseline p/s",13} {"reader p/s",11} {"pipeline p/s",13} {"ratio",7}");
        // Born-digital PDF only: a scan has no words for the baseline to extract, and its OCR is measured on its own (README).
        var pdf = files.Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).Where(HasText).ToList();
        foreach (var r in new[] { Bench.Html(html, iterations), Bench.Pdf(pdf, iterations) }.OfType<BenchResult>())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Format,-6} {r.Pages,6} {r.Iterations,6} {r.Baseline,-38} {r.BaselinePagesPerSecond,13:0.0} {r.ReaderPagesPerSecond,11:0.0} {r.PipelinePagesPerSecond,13:0.0} {r.Ratio,7:0.00}"));
            if (r.Format == "pdf" && Bench.PdfToText(pdf, Math.Max(1, iterations / 4)) is { } poppler)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"pdf",-6} {r.Pages,6} {Math.Max(1, iterations / 4),6} {"pdftotext -layout (a process per file)",-38} {poppler,13:0.0} {"",11} {r.PipelinePagesPerSecond,13:0.0} {r.PipelinePagesPerSecond / poppler,7:0.00}"));
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Whether PdfPig finds words in the file; a scan, or a file it cannot open, is left out of the measurement.</summary>
    private static bool HasText(string path)
    {
        try
        {
            return Readers.Pdf.PdfReader.WordsOnly(path) > 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
