using System.Runtime.CompilerServices;

namespace Begroting.Model.Diagnostics;

/// <summary>Progress guards for loops that are not a plain <c>for</c>: an index that fails to advance is a bug reported where it happened, never a hang.</summary>
/// <remarks>
/// A <c>while</c> loop that sets its index from a computed position (the end of a region, the next cell) hangs the
/// whole batch when that position is, by some input nobody foresaw, the current one. Passing every such step through
/// <see cref="Past"/> turns the hang into an exception naming the loop, which the batch reports as that document's
/// internal error.
/// </remarks>
public static class Advance
{
    /// <summary>The loop's next index, which must lie beyond its current one.</summary>
    public static int Past(int current, int next, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        next > current ? next : throw new LoopStalledException($"a loop did not advance: index {current} -> {next} ({Path.GetFileName(file)}:{line})");

    /// <summary>Counts the rounds of a loop that repeats until nothing changes, and stops it past a bound no input needs.</summary>
    /// <param name="round">The rounds done so far, incremented here.</param>
    /// <param name="limit">The most rounds the loop can need (its input's size, say).</param>
    /// <param name="file">Filled by the compiler.</param>
    /// <param name="line">Filled by the compiler.</param>
    /// <returns>Always true, so it can stand in the loop's condition.</returns>
    public static bool Within(ref int round, int limit, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        ++round <= limit ? true : throw new LoopStalledException($"a loop ran past its bound of {limit} rounds ({Path.GetFileName(file)}:{line})");
}

/// <summary>A loop that stopped advancing: a bug in the reader or normaliser, reported as the document's internal error.</summary>
public sealed class LoopStalledException(string message) : InvalidOperationException(message);
