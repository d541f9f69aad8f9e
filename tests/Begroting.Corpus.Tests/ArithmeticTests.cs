using Begroting.Model.Canonical;
using Begroting.Pipeline.Normalisation;

namespace Begroting.Corpus.Tests;

/// <summary>The sums of every corpus table of amounts add up, and OCR corrections never change a real figure for a wrong one.</summary>
public class ArithmeticTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles.DocumentIds), MemberType = typeof(CorpusFiles))]
    public void Every_sum_of_every_table_adds_up(string id)
    {
        var doc = CorpusFiles.Extract(id).Document!;
        Assert.DoesNotContain(doc.Warnings, w => w.Code is FinancialChecks.FailureCode or FinancialChecks.RepairCode);
        Assert.DoesNotContain(doc.FinancialTables.SelectMany(t => t.Rows).SelectMany(r => r.Amounts), a => a.Flags.Contains("repaired"));

        // The checks ran: a document with programmakosten has sums to check, and they were all checked again here.
        var result = FinancialChecks.Run(doc.FinancialTables);
        Assert.Empty(result.Warnings);
        Assert.Equal(HasSaldi(id), result.Checks > 0);
    }

    [Theory]
    [InlineData("leiden-2018-programmabegroting-p9")]
    [InlineData("leiden-2024-jaarstukken-p9")]
    public void A_misread_digit_in_a_real_table_is_put_back_or_left_alone_never_changed_into_another_figure(string id)
    {
        var read = Ocr(CorpusFiles.Extract(id).Document!.FinancialTables);
        var asRead = FinancialChecks.Run(read);
        Assert.Empty(asRead.Warnings);
        Assert.Empty(asRead.Repairs);
        var (tried, corrected) = (0, 0);
        for (var t = 0; t < read.Count; t++)
        {
            for (var r = 0; r < read[t].Rows.Count; r++)
            {
                for (var a = 0; a < read[t].Rows[r].Amounts.Count; a++)
                {
                    var amount = read[t].Rows[r].Amounts[a];
                    if (amount.Euros is null)
                    {
                        continue;
                    }

                    for (var i = 0; i < amount.Raw.Length; i++)
                    {
                        if (!Readers.Ocr.TextRepair.Confusions.Digits.TryGetValue(amount.Raw[i], out var others))
                        {
                            continue;
                        }

                        foreach (var other in others)
                        {
                            var misread = amount.Raw[..i] + other + amount.Raw[(i + 1)..];
                            if (DutchValue.ParseCell(misread) is not { Number: { } n } || misread.StartsWith('0') && misread.Length > 1 && misread[1] != ',')
                            {
                                continue;
                            }

                            tried++;
                            var result = FinancialChecks.Run(Replace(read, t, r, a, amount with { Raw = misread, Euros = n * read[t].Scale!.Value }));
                            var repair = result.Repairs.SingleOrDefault();
                            if (repair is not null)
                            {
                                Assert.Equal((misread, amount.Raw, amount.Provenance), (repair.Original, repair.Repaired, repair.Provenance));
                                Assert.Equal(amount, result.Tables[t].Rows[r].Amounts[a] with { Flags = amount.Flags, Confidence = amount.Confidence });
                                corrected++;
                            }
                            else if (result.Warnings.Count == 0)
                            {
                                // Unnoticed only within the rounding of the sums (a sum one unit off as printed may be one unit off
                                // the other way when misread), or in a cell no sum holds (its confidence was not raised).
                                var inSums = asRead.Tables[t].Rows[r].Amounts[a].Confidence > amount.Confidence;
                                Assert.True(!inSums || Math.Abs(n * read[t].Scale!.Value - amount.Euros.Value) <= 2 * read[t].Scale, $"{amount.Raw} read as {misread} at {amount.Provenance} went unnoticed");
                            }
                            else
                            {
                                Assert.Contains(result.Warnings, w => w.Code == FinancialChecks.FailureCode && w.Message.Contains(amount.Provenance, StringComparison.Ordinal));
                            }
                        }
                    }
                }
            }
        }

        // Most misreadings are put back: the sums of these tables single out the cell and the digit (81% and 85% when written).
        Assert.True(corrected * 4 > tried * 3, $"{corrected} of {tried} misreadings corrected");
    }

    /// <summary>Whether the hand-checked gold of a document holds a saldo: then its tables have sums the checks can test.</summary>
    private static bool HasSaldi(string id) =>
        File.ReadLines(Path.Combine(CorpusFiles.Gold, CorpusFiles.GoldId(id) + ".facts.csv")).Any(l => l.Contains(",saldo,", StringComparison.Ordinal));

    /// <summary>The tables as an OCR reader would give them: every amount flagged ocr, with a middling confidence.</summary>
    private static List<FinancialTable> Ocr(IReadOnlyList<FinancialTable> tables) =>
        tables.Select(t => t with { Rows = t.Rows.Select(r => r with { Amounts = r.Amounts.Select(a => a with { Flags = [.. a.Flags, "ocr"], Confidence = 0.8 }).ToList() }).ToList() }).ToList();

    private static List<FinancialTable> Replace(List<FinancialTable> tables, int t, int r, int a, Amount amount)
    {
        var copy = tables.ToList();
        var rows = copy[t].Rows.ToList();
        var amounts = rows[r].Amounts.ToList();
        amounts[a] = amount;
        rows[r] = rows[r] with { Amounts = amounts };
        copy[t] = copy[t] with { Rows = rows };
        return copy;
    }
}
