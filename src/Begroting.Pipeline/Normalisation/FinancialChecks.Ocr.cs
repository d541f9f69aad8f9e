using System.Text.RegularExpressions;

namespace Begroting.Pipeline.Normalisation;

/// <summary>Correcting a digit that OCR misread, when the failing sums single it out.</summary>
internal sealed partial class FinancialChecksCore
{
    /// <summary>
    /// Failing sums that share cells are one problem. Its suspects are the cells every one of its failing sums contains;
    /// a suspect read by OCR is corrected when exactly one change of one digit or of the sign, among all suspects, makes every sum the
    /// cell is part of add up. Otherwise nothing changes and the warnings say why.
    /// </summary>
    private void CorrectOcrDigits()
    {
        foreach (var problem in Problems(checks.Where(c => !Passes(c)).ToList()))
        {
            var failing = problem.Where(c => !Passes(c)).ToList();
            if (failing.Count == 0)
            {
                continue;
            }

            var suspects = failing[0].Cells.Where(cell => failing.All(c => c.Cells.Contains(cell))).ToList();
            var fits = new List<(CellRef Cell, string Raw, decimal Euros)>();
            foreach (var cell in suspects.Where(c => At(c).Flags.Contains(OcrFlag) && !corrections.ContainsKey(c)))
            {
                foreach (var (raw, euros) in Alternatives(cell))
                {
                    if (checksOf[cell].All(c => Passes(c, (cell, euros))))
                    {
                        fits.Add((cell, raw, euros));
                    }
                }
            }

            if (fits.Count == 1)
            {
                var (cell, raw, euros) = fits[0];
                var reason = $"the only change of one digit or of the minus sign that makes {string.Join(" and ", failing.Select(c => c.Name))} add up";
                corrections[cell] = new Correction(raw, euros, reason);
            }
            else if (fits.Count == 0 && TwoMisreadings(failing) is { } pair)
            {
                var reason = $"the only two changes of one digit or of the minus sign, in two cells, that together make {string.Join(" and ", failing.Select(c => c.Name))} add up";
                corrections[pair.First.Cell] = new Correction(pair.First.Raw, pair.First.Euros, reason);
                corrections[pair.Second.Cell] = new Correction(pair.Second.Raw, pair.Second.Euros, reason);
            }
            else if (fits.Count > 1)
            {
                var options = string.Join(", ", fits.Select(f => $"'{At(f.Cell).Raw}' as '{f.Raw}' at {At(f.Cell).Provenance}"));
                foreach (var check in failing)
                {
                    notes[check] = $"not corrected: {fits.Count} one-digit OCR corrections would each make it add up ({options})";
                }
            }
        }
    }

    /// <summary>
    /// Two misread cells in one problem ('117' for '-117' and '-71' for '-77' in one row of a reserve): no single change
    /// fits, but one pair of changes in two cells of the failing sums makes every sum either cell is part of, and every
    /// failing sum, add up, and no other pair does. Anything less certain is left alone.
    /// </summary>
    private ((CellRef Cell, string Raw, decimal Euros) First, (CellRef Cell, string Raw, decimal Euros) Second)? TwoMisreadings(List<Check> failing)
    {
        var cells = failing.SelectMany(c => c.Cells).Distinct().Where(c => At(c).Flags.Contains(OcrFlag) && !corrections.ContainsKey(c)).ToList();
        if (cells.Count > 24)
        {
            return null;
        }

        var options = cells.ToDictionary(c => c, c => Alternatives(c).ToList());
        ((CellRef, string, decimal), (CellRef, string, decimal))? found = null;
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                var (a, b) = (cells[i], cells[j]);
                var involved = checksOf[a].Concat(checksOf[b]).Concat(failing).Distinct().ToList();
                foreach (var (rawA, eurosA) in options[a])
                {
                    foreach (var (rawB, eurosB) in options[b])
                    {
                        if (involved.All(c => Passes(c, (a, eurosA), (b, eurosB))))
                        {
                            if (found is not null)
                            {
                                return null;
                            }

                            found = ((a, rawA, eurosA), (b, rawB, eurosB));
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Failing sums grouped by shared cells, in the order of their first sum.</summary>
    private static List<List<Check>> Problems(List<Check> failing)
    {
        var parent = Enumerable.Range(0, failing.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        var first = new Dictionary<CellRef, int>();
        for (var i = 0; i < failing.Count; i++)
        {
            foreach (var cell in failing[i].Cells)
            {
                if (first.TryGetValue(cell, out var j))
                {
                    parent[Root(i)] = Root(j);
                }
                else
                {
                    first[cell] = i;
                }
            }
        }

        return failing.Select((c, i) => (Check: c, Root: Root(i))).GroupBy(x => x.Root).Select(g => g.Select(x => x.Check).ToList()).ToList();
    }

    /// <summary>Every reading of the amount with one digit replaced by one OCR confuses it with, or with its minus sign lost, in euros.</summary>
    private IEnumerable<(string Raw, decimal Euros)> Alternatives(CellRef cell)
    {
        var raw = At(cell).Raw;
        var scale = Scale(cell);

        // A minus is a short thin stroke: Tesseract drops it more often than it invents one.
        if (!raw.StartsWith('-') && DutchValue.ParseCell("-" + raw) is { Number: { } negative and not 0, Percent: false })
        {
            yield return ("-" + raw, negative * scale);
        }

        for (var i = 0; i < raw.Length; i++)
        {
            if (!Readers.Ocr.TextRepair.Confusions.Digits.TryGetValue(raw[i], out var others))
            {
                continue;
            }

            foreach (var other in others)
            {
                var candidate = string.Concat(raw.AsSpan(0, i), [other], raw.AsSpan(i + 1));
                if (!LeadingZero().IsMatch(candidate) && DutchValue.ParseCell(candidate) is { Number: { } number, Percent: false })
                {
                    yield return (candidate, number * scale);
                }
            }
        }
    }

    /// <summary>A figure starting with a 0 followed by more digits ('0.594', '06'): never printed, so never a correction.</summary>
    [GeneratedRegex(@"(?<![\d.,])0[\d.]")]
    private static partial Regex LeadingZero();
}
