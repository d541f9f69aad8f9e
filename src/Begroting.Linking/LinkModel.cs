using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Begroting.Linking;

/// <summary>The pair classifier: logistic regression (ML.NET L-BFGS) over <see cref="PairFeatures"/>, trained on hand-labelled pairs.</summary>
/// <remarks>
/// A linear model because the labelled pairs are few (tens): a tree ensemble would learn them by heart. The context is
/// seeded, so the same pairs give the same model.
/// </remarks>
public sealed class LinkModel
{
    public const int Seed = 20131;

    private readonly MLContext ml;
    private readonly ITransformer model;

    private LinkModel(MLContext ml, ITransformer model)
    {
        this.ml = ml;
        this.model = model;
    }

    public static LinkModel Train(IEnumerable<(float[] Features, bool Same)> examples)
    {
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new PairRow { Features = e.Features, Label = e.Same }));
        var pipeline = ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = 0.1f,
                NumberOfThreads = 1,
            }));
        return new LinkModel(ml, pipeline.Fit(data));
    }

    public static LinkModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>A model from a stream: the one the tool carries inside it, or a file.</summary>
    public static LinkModel Load(Stream stream)
    {
        var ml = new MLContext(Seed);
        return new LinkModel(ml, ml.Model.Load(stream, out _));
    }

    public void Save(string path)
    {
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<PairRow>()).Schema;
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            ml.Model.Save(model, schema, stream);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Probability that each pair is one series.</summary>
    public IReadOnlyList<float> Score(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        var data = ml.Data.LoadFromEnumerable(features.Select(f => new PairRow { Features = f }));
        return ml.Data.CreateEnumerable<PairScore>(model.Transform(data), reuseRowObject: false).Select(s => s.Probability).ToList();
    }

    internal sealed class PairRow
    {
        public bool Label { get; set; }

        [VectorType(PairFeatures.Count)]
        public float[] Features { get; set; } = [];
    }

    internal sealed class PairScore
    {
        public float Probability { get; set; }
    }
}

/// <summary>Precision, recall and F1 of predicted links against labels.</summary>
public sealed record LinkMetrics(string Name, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : TruePositives / (double)(TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public int Pairs => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public static LinkMetrics Sum(string name, IEnumerable<LinkMetrics> parts)
    {
        var list = parts.ToList();
        return new LinkMetrics(name, list.Sum(p => p.TruePositives), list.Sum(p => p.FalsePositives), list.Sum(p => p.FalseNegatives), list.Sum(p => p.TrueNegatives));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Pairs} pairs, precision {Precision:0.000}, recall {Recall:0.000}, F1 {F1:0.000} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives}, tn {TrueNegatives})");
}

/// <summary>Cross-validation over labelled pairs: k folds grouped so that a pair is never in train and test, and leave-one-publication-pair-out.</summary>
public static class CrossValidation
{
    public const float Threshold = 0.5f;

    public sealed record Result(IReadOnlyList<LinkMetrics> Folds, LinkMetrics Overall, IReadOnlyList<LinkMetrics> PublicationPairs, LinkMetrics PublicationPairsOverall, IReadOnlyList<(LabelledPair Pair, float Score)> Errors);

    public static Result Run(IReadOnlyList<LabelledPair> pairs, PairFeatures features, int folds = 5)
    {
        // A pair is one group (its unordered keys), so a pair listed twice cannot be in train and test; folds by a stable hash.
        var rows = pairs.Select(p => (Pair: p, Group: Group(p), Features: features.Of(p.A, p.B))).ToList();
        var byFold = rows.GroupBy(r => Fold(r.Group, folds)).OrderBy(g => g.Key).ToList();
        var errors = new List<(LabelledPair, float)>();
        var foldMetrics = new List<LinkMetrics>();
        foreach (var fold in Enumerable.Range(0, folds))
        {
            var test = rows.Where(r => Fold(r.Group, folds) == fold).ToList();
            var train = rows.Where(r => Fold(r.Group, folds) != fold).ToList();
            foldMetrics.Add(Evaluate($"fold {fold + 1}", train, test, errors));
        }

        var pubMetrics = new List<LinkMetrics>();
        foreach (var publicationPair in rows.Select(r => r.Pair.PublicationPair).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var test = rows.Where(r => r.Pair.PublicationPair == publicationPair).ToList();
            var train = rows.Where(r => r.Pair.PublicationPair != publicationPair).ToList();
            pubMetrics.Add(Evaluate(publicationPair, train, test, null));
        }

        return new Result(foldMetrics, LinkMetrics.Sum("overall (5-fold)", foldMetrics), pubMetrics, LinkMetrics.Sum("overall (leave one publication pair out)", pubMetrics), errors);
    }

    private static LinkMetrics Evaluate(string name, List<(LabelledPair Pair, string Group, float[] Features)> train, List<(LabelledPair Pair, string Group, float[] Features)> test, List<(LabelledPair, float)>? errors)
    {
        if (test.Count == 0)
        {
            return new LinkMetrics(name, 0, 0, 0, 0);
        }

        var model = LinkModel.Train(train.Select(r => (r.Features, r.Pair.Same)));
        var scores = model.Score(test.Select(r => r.Features).ToList());
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var predicted = scores[i] >= Threshold;
            var actual = test[i].Pair.Same;
            (tp, fp, fn, tn) = (predicted, actual) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            if (predicted != actual)
            {
                errors?.Add((test[i].Pair, scores[i]));
            }
        }

        return new LinkMetrics(name, tp, fp, fn, tn);
    }

    private static string Group(LabelledPair p) => string.CompareOrdinal(p.A, p.B) < 0 ? p.A + "|" + p.B : p.B + "|" + p.A;

    private static int Fold(string group, int folds)
    {
        // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in group)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)folds);
    }
}
