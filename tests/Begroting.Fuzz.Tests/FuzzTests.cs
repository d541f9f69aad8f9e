using Begroting.Fuzz.Tests.Harness;
using Begroting.Fuzz.Tests.Mutators;
using Xunit.Abstractions;

namespace Begroting.Fuzz.Tests;

/// <summary>The fuzz campaign: the smoke run in CI (fixed seed and count), or a longer one from the environment (scripts/fuzz.sh).</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_case_gives_a_document_or_an_error_result_in_time()
    {
        Assert.True(PdfMutators.Available, "qpdf and fix-qdf are needed by the PDF mutators; the build installs them (scripts/ensure-fuzz-tools.sh), else: apt-get install qpdf");
        var options = CampaignOptions.FromEnvironment();
        CampaignResult result;
        using (var campaign = new Campaign(options, output.WriteLine))
        {
            result = campaign.Run(Seeds.All);
        }

        var summary = result.Summary(options);
        output.WriteLine(summary);
        var report = Path.Combine(options.Output ?? Path.Combine(Seeds.Root, "out", "fuzz"), "summary.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, summary);

        Assert.True(result.Faults.Count == 0, $"{result.Faults.Count} fault classes found:\n{summary}");
        if (options.Cases is { } cases)
        {
            Assert.Equal(cases, result.Cases);
        }
    }
}
