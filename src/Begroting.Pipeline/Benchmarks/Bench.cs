using System.Diagnostics;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using Begroting.Readers.Html;

namespace Begroting.Pipeline.Benchmarks;

/// <summary>Pages per second of the full pipeline and of a bare baseline over the same pages, measured in one run.</summary>
public sealed record BenchResult(string Format, string Baseline, int Pages, int Iterations, double BaselinePagesPerSecond, double ReaderPagesPerSecond, double PipelinePagesPerSecond)
{
    /// <summary>Pipeline speed as a fraction of the baseline's: 0.5 means the pipeline takes twice as long as the bare parse.</summary>
    public double Ratio => PipelinePagesPerSecond / BaselinePagesPerSecond;
}

/// <summary>Ratios, not bare seconds: the baseline runs in the same process, interleaved with the pipeline, on the same bytes.</summary>
public static class Bench
{
    public static BenchResult? Html(IReadOnlyList<string> pages, int iterations)
    {
        if (pages.Count == 0)
        {
            return null;
        }

        var bytes = pages.Select(File.ReadAllBytes).ToList();
        var names = pages.Select(p => p.Replace('\\', '/')).ToList();
        var manifests = new ManifestIndex();
        void Baseline()
        {
            foreach (var b in bytes)
            {
                HtmlPageReader.ParseOnly(b);
            }
        }

        void Pipeline()
        {
            // Read, normalise and export each page as its own document: the same bytes the baseline parses.
            for (var i = 0; i < bytes.Count; i++)
            {
                var result = Extraction.ExtractFile(pages[i], new ExtractionOptions(), manifests, names[i]);
                if (result.Document is { } doc)
                {
                    _ = Facts.ToCsv(Facts.Of(doc));
                    _ = CanonicalJson.Serialize(doc);
                }
            }
        }

        void Reader()
        {
            for (var i = 0; i < bytes.Count; i++)
            {
                HtmlPageReader.Read(bytes[i], names[i]);
            }
        }

        var seconds = Measure([Baseline, Reader, Pipeline], iterations);
        var done = pages.Count * iterations;
        return new BenchResult("html", "AngleSharp HtmlParser.ParseDocument", pages.Count, iterations, done / seconds[0], done / seconds[1], done / seconds[2]);
    }

    public static BenchResult? Pdf(IReadOnlyList<string> files, int iterations)
    {
        if (files.Count == 0)
        {
            return null;
        }

        var manifests = new ManifestIndex();
        var pages = files.Sum(f => Readers.Pdf.PdfReader.PageCount(f));
        void Baseline()
        {
            foreach (var f in files)
            {
                Readers.Pdf.PdfReader.WordsOnly(f);
            }
        }

        void Reader()
        {
            foreach (var f in files)
            {
                Readers.Pdf.PdfReader.Read(f, f);
            }
        }

        void Pipeline()
        {
            foreach (var f in files)
            {
                if (Extraction.ExtractFile(f, new ExtractionOptions(), manifests, f).Document is { } doc)
                {
                    _ = Facts.ToCsv(Facts.Of(doc));
                    _ = CanonicalJson.Serialize(doc);
                }
            }
        }

        var seconds = Measure([Baseline, Reader, Pipeline], iterations);
        var done = pages * iterations;
        return new BenchResult("pdf", "PdfPig Page.GetWords", pages, iterations, done / seconds[0], done / seconds[1], done / seconds[2]);
    }

    /// <summary>pdftotext -layout over the same files, if poppler is installed: pages per second, measured the same way.</summary>
    public static double? PdfToText(IReadOnlyList<string> files, int iterations)
    {
        var pages = files.Sum(f => Readers.Pdf.PdfReader.PageCount(f));
        var watch = new Stopwatch();
        try
        {
            for (var i = 0; i <= iterations; i++)
            {
                if (i == 1)
                {
                    watch.Start();
                }

                foreach (var f in files)
                {
                    using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", f, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
                    process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        return pages * iterations / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs each after a warm-up, round-robin so that drift of the machine hits all alike; returns seconds of each.</summary>
    private static double[] Measure(Action[] runs, int iterations)
    {
        foreach (var run in runs)
        {
            run();
        }

        var watches = runs.Select(_ => new Stopwatch()).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var r = 0; r < runs.Length; r++)
            {
                watches[r].Start();
                runs[r]();
                watches[r].Stop();
            }
        }

        return watches.Select(w => w.Elapsed.TotalSeconds).ToArray();
    }
}
