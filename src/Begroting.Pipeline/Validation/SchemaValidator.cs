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
}
