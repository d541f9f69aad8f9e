using System.Diagnostics;
using Begroting.Pipeline.Corpus;
using Begroting.Pipeline.Export;
using Begroting.Readers.Html;

namespace Begroting.Pipeline.Benchmarks;

/// <summary>Pages per second of the full pipeline and of a bare baseline over the same pages, measured in one run.</summary>
public sealed record BenchResult(string Format, string Baseline, int Pages, int Iterations, double BaselinePagesPerSecond, double PipelinePagesPerSecond)
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

        var (baseline, pipeline) = Measure(Baseline, Pipeline, iterations);
        return new BenchResult("html", "AngleSharp HtmlParser.ParseDocument", pages.Count, iterations, pages.Count * iterations / baseline, pages.Count * iterations / pipeline);
    }

    /// <summary>Runs both after a warm-up, alternating so that drift of the machine hits both alike; returns seconds of each.</summary>
    private static (double Baseline, double Pipeline) Measure(Action baseline, Action pipeline, int iterations)
    {
        baseline();
        pipeline();
        var b = new Stopwatch();
        var p = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            b.Start();
            baseline();
            b.Stop();
            p.Start();
            pipeline();
            p.Stop();
        }

        return (b.Elapsed.TotalSeconds, p.Elapsed.TotalSeconds);
    }
}
