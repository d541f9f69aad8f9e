using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Begroting.Fuzz.Tests.Harness;

/// <summary>A crash's class: the exception type, the innermost frame of ours, and the innermost frame of a library below it.</summary>
public static partial class Signatures
{
    public static string Of(Exception e)
    {
        var inner = e is AggregateException { InnerException: { } first } ? first : e;
        var frames = new StackTrace(inner, fNeedFileInfo: false).GetFrames();
        var ours = OurFrame(inner);
        var library = frames.Select(Name).FirstOrDefault(n => n is not null && !n.StartsWith("Begroting.", StringComparison.Ordinal) && !n.StartsWith("System.", StringComparison.Ordinal));
        return library is null || frames.Select(Name).FirstOrDefault(n => n is not null)?.StartsWith("Begroting.", StringComparison.Ordinal) == true
            ? $"{inner.GetType().Name}@{ours}"
            : $"{inner.GetType().Name}@{ours} via {Short(library)}";
    }

    /// <summary>The innermost frame in the project's code (the harness's own aside).</summary>
    public static string OurFrame(Exception e) =>
        new StackTrace(e, fNeedFileInfo: false).GetFrames().Select(Name)
            .FirstOrDefault(n => n is not null && n.StartsWith("Begroting.", StringComparison.Ordinal) && !n.StartsWith("Begroting.Fuzz.", StringComparison.Ordinal)) is { } name
            ? Short(name)
            : "?";

    /// <summary>The class of a worker that died: what the runtime printed (a stack overflow names its frames) and the innermost frame of ours.</summary>
    public static string OfDeath(int? exitCode, string stderr)
    {
        var what = stderr.Contains("Stack overflow", StringComparison.Ordinal) ? "StackOverflow"
            : stderr.Contains("OutOfMemory", StringComparison.Ordinal) ? "OutOfMemory"
            : $"exit {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
        var frame = OurStderrFrame().Match(stderr) is { Success: true } m ? Short(m.Groups["name"].Value) : "?";
        return $"{what}@{frame}";
    }

    private static string? Name(StackFrame frame) => frame.GetMethod() is { DeclaringType: { } type } method ? $"{type.FullName}.{method.Name}" : null;

    /// <summary>'Begroting.Readers.Html.HtmlWalker.Walk' as 'HtmlWalker.Walk'; lambdas, local functions and iterators by the method they are in.</summary>
    private static string Short(string name)
    {
        var dot = name.LastIndexOf('.');
        var (type, method) = dot < 0 ? (string.Empty, name) : (name[..dot], name[(dot + 1)..]);
        var nested = type.Split('+');
        if (AngleName().Match(method) is { Success: true } inMethod)
        {
            method = inMethod.Groups["name"].Value;
        }
        else if (nested.Skip(1).Select(n => AngleName().Match(n)).LastOrDefault(m => m.Success) is { } inType)
        {
            method = inType.Groups["name"].Value;
        }

        var outer = nested[0];
        outer = outer[(outer.LastIndexOf('.') + 1)..];
        var tick = outer.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? outer : outer[..tick])}.{method}";
    }

    [GeneratedRegex(@"<(?<name>\w+)>")]
    private static partial Regex AngleName();

    [GeneratedRegex(@"at (?<name>Begroting\.(?!Fuzz\.)[\w.`+<>|]+)\(")]
    private static partial Regex OurStderrFrame();
}
