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
        schema.Validate(json).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}{(e.Property is null ? string.Empty : $" ({e.Property})")}").OrderBy(s => s, StringComparer.Ordinal).ToList();
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
