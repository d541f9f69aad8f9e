using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Begroting.Fuzz.Tests.Mutators;

/// <summary>Mutations of PDF structure through qpdf: pages rotated, and in QDF form (streams uncompressed, one object a line) text matrices, page boxes, font widths, page rotation and operators edited, then <c>fix-qdf</c>.</summary>
/// <remarks>
/// Structural edits are made first (on the QDF form of the seed, made once per seed), then rotations, then the byte
/// mutations: a bit flip in an object stream would leave nothing for qpdf to edit.
/// </remarks>
public static partial class PdfMutators
{
    /// <summary>Edits of the QDF text, then repaired by fix-qdf.</summary>
    public static readonly string[] StructureOps = ["tm", "cm", "mediabox", "widths", "rotate-key", "delete-op"];

    /// <summary>Rotation of pages by qpdf itself.</summary>
    public const string RotateOp = "rotate";

    public static readonly string[] Matrices = ["0 1 -1 0", "-1 0 0 -1", "0 -1 1 0", "-1 0 0 1", "1 0 0 -1", "0 0 0 0", "100000 0 0 100000", "0.0001 0 0 0.0001", "1 1 1 1", "0.7071 0.7071 -0.7071 0.7071"];

    public static readonly string[] MediaBoxes = ["[0 0 0 0]", "[0 0 -595 -842]", "[0 0 1e9 1e9]", "[595 842 0 0]", "[0 0 99999999 99999999]", "[-300 -400 300 400]", "[0 0 1 1]", "[]", "[0 0 595]"];

    public static readonly string[] PageRotations = ["45", "-90", "3600", "1", "91", "-45", "270", "2147483647"];

    public static readonly string[] Operators = ["Tj", "TJ", "BT", "ET", "Tf", "Td", "Tm", "re", "cm", "q", "Q", "f", "S", "Do"];

    private static readonly ConcurrentDictionary<string, byte[]?> QdfCache = new(StringComparer.Ordinal);

    /// <summary>Whether qpdf and fix-qdf can be run; the fuzz build installs them (scripts/ensure-fuzz-tools.sh).</summary>
    public static bool Available => Lazy.Value;

    private static readonly Lazy<bool> Lazy = new(() => Run("qpdf", ["--version"], null, out _) == 0 && Run("fix-qdf", ["--version"], null, out _) == 0);

    /// <summary>The seed in QDF form, made once: object streams off, streams uncompressed; null for a file qpdf cannot open (an encrypted one).</summary>
    public static byte[]? Qdf(string seedPath) => QdfCache.GetOrAdd(seedPath, path =>
    {
        var dir = Directory.CreateTempSubdirectory("begroting-qdf-").FullName;
        try
        {
            var output = Path.Combine(dir, "seed.qdf.pdf");
            var code = Run("qpdf", ["--qdf", "--object-streams=disable", path, output], null, out _);
            return code is 0 or 3 && File.Exists(output) ? File.ReadAllBytes(output) : null;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    });

    /// <summary>Applies the QDF edits to the seed's QDF form and repairs offsets and lengths with fix-qdf.</summary>
    public static byte[] EditStructure(string seedPath, IEnumerable<(string Op, int A, int B, int C)> edits)
    {
        if (Qdf(seedPath) is not { } qdf)
        {
            return File.ReadAllBytes(seedPath);
        }

        var text = Encoding.Latin1.GetString(qdf);
        foreach (var (op, a, b, c) in edits)
        {
            text = Edit(text, op, a, b, c);
        }

        var edited = Encoding.Latin1.GetBytes(text);
        var code = Run("fix-qdf", [], edited, out _, out var fixedBytes);

        // fix-qdf refuses what it cannot parse; the edited file, lengths unrepaired, is still a case.
        return code == 0 && fixedBytes.Length > 0 ? fixedBytes : edited;
    }

    /// <summary>Rotates pages by qpdf: <paramref name="a"/> picks the pages, <paramref name="b"/> the angle.</summary>
    public static byte[] Rotate(byte[] pdf, int a, int b)
    {
        var dir = Directory.CreateTempSubdirectory("begroting-rotate-").FullName;
        try
        {
            var input = Path.Combine(dir, "in.pdf");
            var output = Path.Combine(dir, "out.pdf");
            File.WriteAllBytes(input, pdf);
            var angle = (b % 3) switch { 0 => "+90", 1 => "180", _ => "-90" };
            var pages = (a % 4) switch { 0 => "1-z", 1 => "1", 2 => "z", _ => "1-z:odd" };
            var code = Run("qpdf", [input, output, $"--rotate={angle}:{pages}"], null, out _);
            return code is 0 or 3 && File.Exists(output) ? File.ReadAllBytes(output) : pdf;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Edit(string qdf, string op, int a, int b, int c)
    {
        switch (op)
        {
            case "tm":
            {
                // A text matrix turned, mirrored, flattened or blown up, at the same scale; streams without one get one after BT.
                var matrix = Matrices[b % Matrices.Length];
                return EditContents(qdf, a, c, content =>
                {
                    var matches = TextMatrix().Matches(content);
                    if (matches.Count == 0)
                    {
                        return content.Replace("BT\n", $"BT\n{matrix} 72 72 Tm\n", StringComparison.Ordinal);
                    }

                    var every = c % 3 == 0;
                    var pick = matches[a % matches.Count];
                    return TextMatrix().Replace(content, m => every || m.Index == pick.Index ? $"{Scaled(matrix, m)} {m.Groups["e"].Value} {m.Groups["f"].Value} Tm" : m.Value);
                });
            }

            case "cm":
            {
                // The whole page's content under one more transformation.
                var matrix = Matrices[b % Matrices.Length];
                return EditContents(qdf, a, c, content => $"q {matrix} 300 400 cm\n{content}\nQ\n");
            }

            case "mediabox":
            {
                var box = MediaBoxes[b % MediaBoxes.Length];
                var boxes = MediaBox().Matches(qdf);
                if (boxes.Count == 0)
                {
                    return qdf;
                }

                var every = c % 2 == 0;
                var pick = boxes[a % boxes.Count];
                return MediaBox().Replace(qdf, m => every || m.Index == pick.Index ? $"/MediaBox {box}" : m.Value);
            }

            case "widths":
            {
                // Fonts without their glyph widths: simple fonts' /Widths, CID fonts' /W (arrays of arrays).
                var keys = WidthsKey().Matches(qdf);
                if (keys.Count == 0)
                {
                    return qdf;
                }

                var every = b % 2 == 0;
                var pick = keys[a % keys.Count];
                var sb = new StringBuilder();
                var at = 0;
                foreach (Match key in keys)
                {
                    if (key.Index < at || (!every && key.Index != pick.Index))
                    {
                        continue;
                    }

                    var end = ValueEnd(qdf, key.Index + key.Length);
                    sb.Append(qdf, at, key.Index - at);
                    at = end;
                }

                return sb.Append(qdf, at, qdf.Length - at).ToString();
            }

            case "rotate-key":
            {
                var value = PageRotations[b % PageRotations.Length];
                var pages = PageObject().Matches(qdf);
                if (pages.Count == 0)
                {
                    return qdf;
                }

                var every = c % 2 == 0;
                var pick = pages[a % pages.Count];
                return PageObject().Replace(qdf, m => every || m.Index == pick.Index ? $"{m.Value}\n  /Rotate {value}" : m.Value);
            }

            case "delete-op":
            {
                var name = Regex.Escape(Operators[b % Operators.Length]);
                return EditContents(qdf, a, c, content =>
                {
                    var ops = Regex.Matches(content, $@"(?<=\s){name}(?=\s)");
                    if (ops.Count == 0)
                    {
                        return content;
                    }

                    // Every occurrence, or one.
                    if (c % 4 == 0)
                    {
                        return Regex.Replace(content, $@"(?<=\s){name}(?=\s)", string.Empty);
                    }

                    var pick = ops[a % ops.Count];
                    return content.Remove(pick.Index, pick.Length);
                });
            }

            default:
                throw new ArgumentException($"no PDF mutation '{op}'", nameof(op));
        }
    }

    /// <summary>Edits the content streams of one page (or, for <paramref name="c"/> odd, of every page).</summary>
    private static string EditContents(string qdf, int a, int c, Func<string, string> edit)
    {
        var streams = ContentStream().Matches(qdf);
        if (streams.Count == 0)
        {
            return qdf;
        }

        var every = c % 2 == 1;
        var pick = streams[a % streams.Count];
        return ContentStream().Replace(qdf, m => every || m.Index == pick.Index
            ? m.Value[..(m.Groups["body"].Index - m.Index)] + edit(m.Groups["body"].Value) + "endstream"
            : m.Value);
    }

    private static string Scaled(string matrix, Match original)
    {
        var scale = Math.Abs(Number(original.Groups["a"].Value)) + Math.Abs(Number(original.Groups["b"].Value));
        scale = scale == 0 ? 1 : scale;
        return string.Join(' ', matrix.Split(' ').Select(v => (Number(v) * scale).ToString("0.#####", CultureInfo.InvariantCulture)));
    }

    private static double Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 1;

    /// <summary>The end of a PDF value starting at <paramref name="from"/>: a reference, a number, a name, or a bracketed array (nesting counted).</summary>
    private static int ValueEnd(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '[')
        {
            var depth = 0;
            for (; i < text.Length; i++)
            {
                depth += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
                if (depth == 0)
                {
                    return i + 1;
                }
            }

            return text.Length;
        }

        var reference = Reference().Match(text, i);
        return reference.Success && reference.Index == i ? i + reference.Length : i;
    }

    private static int Run(string file, string[] args, byte[]? stdin, out string stderr) => Run(file, args, stdin, out stderr, out _);

    private static int Run(string file, string[] args, byte[]? stdin, out string stderr, out byte[] stdout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = stdin is not null, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var err = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.BaseStream.Write(stdin);
                process.StandardInput.Close();
            }

            process.WaitForExit();
            copy.Wait();
            stdout = output.ToArray();
            stderr = err.Result;
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            stdout = [];
            stderr = e.Message;
            return -1;
        }
    }

    [GeneratedRegex(@"(?<a>-?[\d.]+)\s+(?<b>-?[\d.]+)\s+(?<c>-?[\d.]+)\s+(?<d>-?[\d.]+)\s+(?<e>-?[\d.]+)\s+(?<f>-?[\d.]+)\s+Tm\b")]
    private static partial Regex TextMatrix();

    [GeneratedRegex(@"/MediaBox\s*\[[^\]]*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/(?:Widths|W)(?=[\s\[])")]
    private static partial Regex WidthsKey();

    [GeneratedRegex(@"%% Page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"%% Contents for page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<.*?>>\nstream\n(?<body>.*?)endstream", RegexOptions.Singleline)]
    private static partial Regex ContentStream();

    [GeneratedRegex(@"\d+\s+\d+\s+R")]
    private static partial Regex Reference();
}
