using System.CommandLine;
using Begroting.Model.Diagnostics;
using Begroting.Model.Layout;
using Begroting.Pipeline;

namespace Begroting.Cli;

/// <summary>Shows what a reader made of a file: the blocks the normaliser works on, with their provenance.</summary>
internal static class LayoutCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .txt, .html or .pdf file." };
        var password = new Option<string?>("--password") { Description = "Password for an encrypted PDF." };
        var noOcr = new Option<bool>("--no-ocr") { Description = "Do not read pages without a text layer (scans) by OCR." };
        var ocrCache = new Option<string?>("--ocr-cache") { Description = "Folder that keeps recognised pages (default: ~/.cache/begroting/ocr; empty for none)." };
        var command = new Command("layout", "Print the layout model of a file (headings, paragraphs, lists, tables as grids) with provenance.") { file, password, noOcr, ocrCache };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            try
            {
                var layout = Extraction.Layout(path, new ExtractionOptions { Password = result.GetValue(password), Ocr = !result.GetValue(noOcr), OcrCache = result.GetValue(ocrCache) }, path);
                foreach (var block in layout.Blocks)
                {
                    Console.WriteLine(Describe(block));
                }

                foreach (var d in layout.Diagnostics)
                {
                    Console.Error.WriteLine(d);
                }

                return ExitCodes.Ok;
            }
            catch (DocumentException e)
            {
                Console.Error.WriteLine($"error {e.Code}: {e.Message}");
                return ExitCodes.DocumentFailed;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"{path}: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                BatchOutput.Report(ExtractionResult.Internal(path, e), result.GetValue(Output.Verbose));
                return ExitCodes.DocumentFailed;
            }
        });
        return command;
    }

    private static string Describe(Block block) => block switch
    {
        Heading h => $"[{block.Source}] H{h.Level} {h.Text}",
        Paragraph p => $"[{block.Source}] P {string.Join(" / ", p.Lines)}",
        ListItem li => $"[{block.Source}] LI{li.Depth} {li.Marker} {li.Text}",
        Table t => $"[{block.Source}] TABLE {t.Form} {t.Rows.Count}x{t.Width}" + (t.Caption is { } caption ? $" CAPTION [{caption.Source}] {string.Join(" / ", caption.Lines)}" : string.Empty) + "\n" + string.Join("\n", t.Rows.Select(r => "    | " + string.Join(" | ", r.Cells.Select(c => string.Join(" / ", c.Lines))) + " |")),
        _ => block.ToString(),
    } + (block.GapBefore > 0 ? $"  (gap {block.GapBefore})" : string.Empty);
}
