using System.CommandLine;
using Begroting.Pipeline.Validation;

namespace Begroting.Cli;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Canonical JSON files and facts.csv files, or folders of them (an output folder).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check canonical JSON files against schemas/begroting.schema.json and facts.csv files against schemas/facts.schema.json.") { files };
        command.SetAction(async (result, _) => await RunAsync(result.GetValue(files)!).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs)
    {
        var validator = await EmbeddedSchemas.CanonicalAsync().ConfigureAwait(false);
        var facts = await EmbeddedSchemas.FactsAsync().ConfigureAwait(false);
        var invalid = 0;
        var paths = inputs.SelectMany(i => Directory.Exists(i)
            ? Directory.EnumerateFiles(i).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || Path.GetFileName(f) == "facts.csv").Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[i]).ToList();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: no such file");
                invalid++;
                continue;
            }

            IReadOnlyList<string> errors;
            try
            {
                var text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
                errors = path.EndsWith(".csv", StringComparison.Ordinal) ? facts.Validate(text) : validator.Validate(text);
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                errors = [$"not JSON: {e.Message}"];
            }

            if (errors.Count == 0)
            {
                Console.WriteLine($"{path}: valid");
            }
            else
            {
                invalid++;
                foreach (var error in errors)
                {
                    Console.Error.WriteLine($"{path}: {error}");
                }
            }
        }

        return invalid == 0 ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}
