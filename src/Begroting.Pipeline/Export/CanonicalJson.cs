using System.Text.Json;
using System.Text.Json.Serialization;
using Begroting.Model.Canonical;

namespace Begroting.Pipeline.Export;

/// <summary>The one serialiser of canonical documents: camelCase, enums as their Dutch words, LF, no timestamps.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CanonicalDocument))]
internal sealed partial class CanonicalJsonContext : JsonSerializerContext;

public static class CanonicalJson
{
    public static string Serialize(CanonicalDocument document) => JsonSerializer.Serialize(document, CanonicalJsonContext.Default.CanonicalDocument) + "\n";

    /// <summary>The same bytes as <see cref="Serialize"/> in UTF-8, written as they are made: a 1,500-page book's JSON is never held whole as a string.</summary>
    public static void Write(Stream stream, CanonicalDocument document)
    {
        JsonSerializer.Serialize(stream, document, CanonicalJsonContext.Default.CanonicalDocument);
        stream.WriteByte((byte)'\n');
    }

    public static CanonicalDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, CanonicalJsonContext.Default.CanonicalDocument);
}
