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

    public static CanonicalDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, CanonicalJsonContext.Default.CanonicalDocument);
}
