using Begroting.Linking;
using Begroting.Store;

namespace Begroting.Corpus.Tests;

/// <summary>The link classifier against the hand-labelled pairs of corpus/gold/links.csv.</summary>
public class LinkTests
{
    private static readonly LinkPaths Paths = LinkPaths.In(CorpusFiles.Corpus);

    [Fact]
    public void Cross_validated_F1_on_held_out_labelled_pairs_is_at_least_095()
    {
        var labels = LinkFiles.Load(Paths.Labels);
        Assert.True(labels.Count(l => l.Same) >= 30 && labels.Count(l => !l.Same) >= 30, "both kinds of labels, enough of each");
        var cv = CrossValidation.Run(labels, CorpusLinks.TrainingFeatures(CorpusFiles.Corpus, labels));
        Assert.Equal(labels.Count, cv.Overall.Pairs);
        Assert.True(cv.Overall.F1 >= 0.95, cv.Overall.ToString());
        Assert.True(cv.PublicationPairsOverall.F1 >= 0.9, cv.PublicationPairsOverall.ToString());

        // The README prints what `begroting links eval` prints; training is seeded, so the figures do not move.
        var readme = File.ReadAllText(Path.Combine(CorpusFiles.Root, "README.md"));
        Assert.Contains(cv.Overall.ToString(), readme, StringComparison.Ordinal);
        Assert.Contains(cv.PublicationPairsOverall.ToString(), readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Labelled_pairs_join_indicators_of_two_publications_and_none_is_listed_twice()
    {
        var labels = LinkFiles.Load(Paths.Labels);
        Assert.All(labels, l => Assert.NotEqual(LabelledPair.Publication(l.A), LabelledPair.Publication(l.B)));
        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
        var pairs = labels.Select(l => string.CompareOrdinal(l.A, l.B) < 0 ? (l.A, l.B) : (l.B, l.A)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void The_committed_model_scores_the_labelled_pairs_as_labelled()
    {
        var labels = LinkFiles.Load(Paths.Labels);
        var features = CorpusLinks.TrainingFeatures(CorpusFiles.Corpus, labels);
        var scores = LinkModel.Load(Paths.Model).Score(labels.Select(l => features.Of(l.A, l.B)).ToList());
        var wrong = labels.Where((l, i) => scores[i] >= CrossValidation.Threshold != l.Same).Select(l => $"{l.A} ~ {l.B}").ToList();
        Assert.True(wrong.Count <= 1, string.Join("\n", wrong));
    }
}
