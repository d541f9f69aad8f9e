using System.CommandLine;
using Begroting.Linking;
using Begroting.Store;

namespace Begroting.Cli;

/// <summary>`links eval` prints cross-validated precision, recall and F1 of the pair classifier; `links train` also rebuilds the committed model.</summary>
internal static class LinksCommand
{
    public static Command Create()
    {
        var command = new Command("links", "The indicator link classifier (ML.NET): cross-validation and training on corpus/gold/links.csv.");
        command.Subcommands.Add(Sub("eval", "Cross-validate on the labelled pairs and print precision, recall and F1 per fold and overall.", train: false));
        command.Subcommands.Add(Sub("train", "Cross-validate, then train on all labelled pairs and write the model (corpus/models/indicator-links.zip).", train: true));
        return command;
    }

    private static Command Sub(string name, string description, bool train)
    {
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder (default: corpus).", DefaultValueFactory = _ => "corpus" };
        var command = new Command(name, description) { corpus };
        command.SetAction(result => Run(result.GetValue(corpus)!, train));
        return command;
    }

    private static int Run(string corpus, bool train)
    {
        var paths = LinkPaths.In(corpus);
        if (!File.Exists(paths.Labels))
        {
            Output.Error($"error: {paths.Labels}: no such file (the labelled pairs the classifier learns from; their format is in corpus/gold/README.md; --corpus names the corpus folder)");
            return ExitCodes.Usage;
        }

        IReadOnlyList<LabelledPair> labels;
        PairFeatures features;
        try
        {
            labels = LinkFiles.Load(paths.Labels);
            features = CorpusLinks.TrainingFeatures(corpus, labels);
        }
        catch (InvalidDataException e)
        {
            Output.Error("error: " + e.Message);
            return ExitCodes.Usage;
        }

        var cv = CrossValidation.Run(labels, features);
        Console.WriteLine($"{labels.Count} labelled pairs ({labels.Count(l => l.Same)} same, {labels.Count(l => !l.Same)} different) from {paths.Labels}");
        foreach (var fold in cv.Folds)
        {
            Console.WriteLine("  " + fold);
        }

        Console.WriteLine(cv.Overall);
        foreach (var pair in cv.PublicationPairs)
        {
            Console.WriteLine("  " + pair);
        }

        Console.WriteLine(cv.PublicationPairsOverall);
        foreach (var (pair, score) in cv.Errors)
        {
            Console.WriteLine($"  wrong in cross-validation: {pair.A} ~ {pair.B} labelled {(pair.Same ? "same" : "different")}, scored {score:0.00} ({pair.Reason})");
        }

        if (train)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(paths.Model)!);
            CorpusLinks.Train(features, labels).Save(paths.Model);
            Console.WriteLine($"model trained on all {labels.Count} pairs written to {paths.Model}");
        }

        return ExitCodes.Ok;
    }
}
