using Begroting.Pipeline.Export;

namespace Begroting.Corpus.Tests;

/// <summary>The same document in different forms gives the same facts, provenance aside.</summary>
public class EquivalenceTests
{
    public static TheoryData<string> Relayouts()
    {
        var data = new TheoryData<string>();
        foreach (var d in CorpusFiles.Manifest.Documents.Where(d => d.Gold is not null))
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Relayouts))]
    public void Every_form_gives_the_facts_of_the_text_form(string id)
    {
        var goldId = CorpusFiles.GoldId(id);
        static List<string> Comparable(IEnumerable<FactRow> rows, string asId) =>
            rows.Select(r => string.Join("|", (r with { DocumentId = asId, Provenance = string.Empty }).Fields())).Order(StringComparer.Ordinal).ToList();
        var text = Comparable(Facts.Of(CorpusFiles.Extract(goldId).Document!), goldId);
        var other = Comparable(Facts.Of(CorpusFiles.Extract(id).Document!), goldId);
        Assert.Equal(text, other);
    }
}
