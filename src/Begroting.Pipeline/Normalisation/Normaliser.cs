using Begroting.Model.Canonical;
using Begroting.Model.Layout;

namespace Begroting.Pipeline.Normalisation;

/// <summary>What is known about a document before its content is read: its id and file, and any identity given by the manifest or options.</summary>
public sealed record DocumentContext(string Id, string SourceFile, string Sha256)
{
    public DocumentKind? Kind { get; init; }

    public int? Year { get; init; }

    public string? Programme { get; init; }

    public string? Municipality { get; init; }

    public string? Title { get; init; }

    /// <summary>Where the given identity came from (manifest or command-line option).</summary>
    public IdentitySource GivenBy { get; init; } = IdentitySource.Manifest;
}

/// <summary>Turns a layout document into a canonical document. Knows budgets, not formats.</summary>
public static class Normaliser
{
    /// <param name="layout">What a reader made of the file.</param>
    /// <param name="context">Id, file, hash and any identity given.</param>
    /// <param name="cancellationToken">Checked between stages and at every table: a document past its time budget stops here.</param>
    public static CanonicalDocument Normalise(LayoutDocument layout, DocumentContext context, CancellationToken cancellationToken = default) =>
        new NormaliserCore(layout, context, cancellationToken).Run();
}
