using System.Globalization;
using Begroting.Model.Text;

namespace Begroting.Pipeline.Normalisation;

/// <summary>One name a programme of Leiden went by, in the years it is known to have carried it.</summary>
/// <param name="Number">The programme number ('3').</param>
/// <param name="Name">The name as the documents print it ('Economie en toerisme').</param>
/// <param name="From">The first year the name is attested.</param>
/// <param name="To">The last year the name is attested.</param>
/// <param name="Evidence">Where the name and number were read.</param>
public sealed record RegisteredProgramme(string Number, string Name, int From, int To, string Evidence);

/// <summary>Leiden's programmes per year, as data (Normalisation/Data/programmes.csv): a page that names its programme only by name ('Economie', 'Bereikbaarheid') gets its number here.</summary>
/// <remarks>
/// Names drift over the years ('Economie en toerisme' in 2015, 'Economie' in 2018; 'Welzijn en zorg' before
/// 'Maatschappelijke ondersteuning'), but no name has stood for two numbers, so a name is looked up in every year:
/// a row whose years hold the document's year comes first, then the row nearest to it. A new year's wording is
/// one row in the file.
/// </remarks>
public static class ProgrammeRegister
{
    private static readonly Lazy<IReadOnlyList<RegisteredProgramme>> Rows = new(Load);

    public static IReadOnlyList<RegisteredProgramme> All => Rows.Value;

    /// <summary>The programme a printed name stands for, nearest to the year; null for a name the register does not know.</summary>
    public static RegisteredProgramme? Find(string name, int? year) => Find(All, name, year);

    /// <summary>The same lookup over rows given (a test's, or a future file's).</summary>
    public static RegisteredProgramme? Find(IReadOnlyList<RegisteredProgramme> rows, string name, int? year)
    {
        var key = Key(name);
        return key.Length == 0
            ? null
            : rows.Where(r => Key(r.Name) == key)
                .OrderBy(r => year is { } y ? (y < r.From ? r.From - y : y > r.To ? y - r.To : 0) : 0)
                .ThenByDescending(r => r.To)
                .FirstOrDefault();
    }

    /// <summary>Case, spacing, a trailing colon and '&amp;' for 'en' do not tell names apart.</summary>
    public static string Key(string name) =>
        Whitespace.Collapse(name.Replace("&", " en ", StringComparison.Ordinal)).Trim().TrimEnd(':').Trim().ToLowerInvariant();

    public static IReadOnlyList<RegisteredProgramme> Parse(string csv)
    {
        var records = Csv.Parse(csv).Where(r => r.Count > 1 || r[0].Length > 0).ToList();
        var header = records[0];
        if (!header.SequenceEqual(["number", "name", "from", "to", "evidence"]))
        {
            throw new InvalidDataException("programmes.csv: the header must be number,name,from,to,evidence");
        }

        return records.Skip(1).Select((r, i) => r.Count == 5
            ? new RegisteredProgramme(r[0], r[1], int.Parse(r[2], CultureInfo.InvariantCulture), int.Parse(r[3], CultureInfo.InvariantCulture), r[4])
            : throw new InvalidDataException($"programmes.csv:{i + 2}: {r.Count} fields, expected 5")).ToList();
    }

    private static IReadOnlyList<RegisteredProgramme> Load()
    {
        using var stream = typeof(ProgrammeRegister).Assembly.GetManifestResourceStream("programmes.csv")
            ?? throw new InvalidOperationException("programmes.csv is not embedded in the tool");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
