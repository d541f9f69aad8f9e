using NJsonSchema;

namespace Begroting.Pipeline.Validation;

/// <summary>Checks JSON files against the project's JSON Schemas.</summary>
public sealed class SchemaValidator
{
    private readonly JsonSchema schema;

    private SchemaValidator(JsonSchema schema) => this.schema = schema;

    public static async Task<SchemaValidator> LoadAsync(string schemaPath) => new(await JsonSchema.FromFileAsync(schemaPath).ConfigureAwait(false));

    public static async Task<SchemaValidator> FromTextAsync(string schemaJson) => new(await JsonSchema.FromJsonAsync(schemaJson).ConfigureAwait(false));

    /// <summary>Errors as 'path: kind', empty when the document is valid.</summary>
    public IReadOnlyList<string> Validate(string json) =>
        Flatten(schema.Validate(json)).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}{(e.Property is null ? string.Empty : $" ({e.Property})")}").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary>The innermost errors: 'goals[0].title: PropertyRequired' says more than 'goals[0]: ArrayItemNotValid'.</summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0 ? Flatten(child.Errors.SelectMany(kv => kv.Value)) : [e]);
}

/// <summary>The schemas shipped inside the library, so validation needs no checkout.</summary>
public static class EmbeddedSchemas
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"schema '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task<SchemaValidator> CanonicalAsync() => await SchemaValidator.FromTextAsync(Read("begroting.schema.json")).ConfigureAwait(false);

    public static async Task<FactsValidator> FactsAsync() => new(Read("facts.schema.json"), await SchemaValidator.FromTextAsync(Read("facts.schema.json")).ConfigureAwait(false));
}

/// <summary>Checks a facts.csv: its header is the schema's columns in order, and every row, as an object of those columns, is valid.</summary>
public sealed class FactsValidator(string schemaJson, SchemaValidator rows)
{
    private readonly string[] columns = [.. System.Text.Json.JsonDocument.Parse(schemaJson).RootElement.GetProperty("x-columns").EnumerateArray().Select(c => c.GetString()!)];

    /// <summary>The errors, each with its row (the header is row 0): at most 20 (a file wrong throughout says so once per column, not once per row).</summary>
    public IReadOnlyList<string> Validate(string csv)
    {
        var records = Begroting.Model.Text.Csv.Parse(csv);
        if (records.Count == 0 || !records[0].SequenceEqual(columns))
        {
            return [$"line 1: the header must be {string.Join(",", columns)}"];
        }

        var errors = new List<string>();
        for (var i = 1; i < records.Count && errors.Count < 20; i++)
        {
            if (records[i].Count != columns.Length)
            {
                errors.Add($"row {i}: {records[i].Count} fields, expected {columns.Length}");
                continue;
            }

            var row = new System.Text.Json.Nodes.JsonObject();
            for (var c = 0; c < columns.Length; c++)
            {
                row[columns[c]] = records[i][c];
            }

            errors.AddRange(rows.Validate(row.ToJsonString()).Select(e => $"row {i}: {e}"));
        }

        return errors;
    }
}
