using Begroting.Model.Canonical;
using Begroting.Pipeline.Normalisation;
using Read = Begroting.Pipeline.Normalisation.StandardColumns.Read;

namespace Begroting.Tests;

/// <summary>Money columns of a jaarstukken table whose header could not be read, given by the order such tables print them in, only when the sums confirm it.</summary>
public sealed class StandardColumnsTests
{
    // Programma 6 of the Jaarstukken 2017 (foreign corpus), lasten, baten and saldo of its first area, in thousands:
    // Rekening 2016 | Begroting 2017 | Wijziging | Begroting 2017 na wijziging | Rekening 2017 | Verschil 2017.
    private static readonly IReadOnlyList<IReadOnlyDictionary<int, decimal>> Rows =
    [
        Row(8853, 6226, 1263, 7489, 6405, 1084),
        Row(-3489, -4195, 681, -3515, -4267, 752),
        Row(5365, 2031, 1944, 3974, 2138, 1836),
    ];

    private static Dictionary<int, decimal> Row(params decimal[] amounts) => amounts.Select((a, i) => (a, i)).ToDictionary(p => p.i + 2, p => p.a);

    // The header as a smudged scan leaves it: Begroting and Wijziging unread.
    private static List<Read> Smudged() =>
    [
        new(2, ColumnKind.Rekening, 2016),
        new(3, null, 2017),
        new(4, null, null),
        new(5, ColumnKind.BegrotingNaWijziging, null),
        new(6, ColumnKind.Rekening, 2017),
        new(7, ColumnKind.Verschil, 2017),
    ];

    [Fact]
    public void Unread_columns_take_the_kind_and_year_of_their_place_when_the_sums_hold()
    {
        var inferred = StandardColumns.Infer(Smudged(), Rows, 2017);

        Assert.NotNull(inferred);
        Assert.Equal(
            [(2, ColumnKind.Rekening, 2016), (3, ColumnKind.Begroting, 2017), (4, ColumnKind.Wijziging, 2017), (5, ColumnKind.BegrotingNaWijziging, 2017), (6, ColumnKind.Rekening, 2017), (7, ColumnKind.Verschil, 2017)],
            inferred.Columns);
        // Begroting and Wijziging had no kind; na wijziging no year: all three are flagged.
        Assert.Equal([3, 4, 5], inferred.Given.Order());
    }

    [Fact]
    public void Sums_that_do_not_hold_infer_nothing()
    {
        // Verschil is not Begroting na wijziging - Rekening in any row: this is not the order of these columns.
        var rows = Rows.Select(r => (IReadOnlyDictionary<int, decimal>)r.ToDictionary(p => p.Key, p => p.Key == 7 ? p.Value + 100 : p.Value)).ToList();
        Assert.Null(StandardColumns.Infer(Smudged(), rows, 2017));
    }

    [Fact]
    public void A_column_read_where_the_order_puts_another_kind_infers_nothing()
    {
        var header = Smudged();
        header[1] = new Read(3, ColumnKind.Rekening, 2017);
        Assert.Null(StandardColumns.Infer(header, Rows, 2017));
    }

    [Fact]
    public void Too_few_columns_read_or_none_of_a_kind_only_jaarstukken_have_infers_nothing()
    {
        List<Read> twoRead = [new(2, ColumnKind.Rekening, 2016), new(3, null, null), new(4, null, null), new(5, null, null), new(6, ColumnKind.Rekening, 2017), new(7, null, null)];
        Assert.Null(StandardColumns.Infer(twoRead, Rows, 2017));

        List<Read> noJaarstukkenKind = [new(2, ColumnKind.Rekening, 2016), new(3, ColumnKind.Begroting, 2017), new(4, null, null), new(5, null, null), new(6, ColumnKind.Rekening, 2017), new(7, null, null)];
        Assert.Null(StandardColumns.Infer(noJaarstukkenKind, Rows, 2017));
    }

    [Fact]
    public void A_table_of_another_width_or_with_every_column_read_is_left_alone()
    {
        Assert.Null(StandardColumns.Infer(Smudged().Take(5).ToList(), Rows, 2017));
        var whole = Smudged().Select((c, i) => c with { Kind = Vocabulary.JaarstukkenMoneyColumns[i].Kind }).ToList();
        Assert.Null(StandardColumns.Infer(whole, Rows, 2017));
    }

    [Fact]
    public void Years_read_that_disagree_infer_nothing()
    {
        var header = Smudged();
        header[4] = new Read(6, ColumnKind.Rekening, 2018);
        Assert.Null(StandardColumns.Infer(header, Rows, 2017));
    }
}
