using Begroting.Pipeline.Batch;

namespace Begroting.Tests;

/// <summary>How a batch names its files, from both cores at once.</summary>
public sealed class InputRootsTests
{
    [Fact]
    public void FilesNamedFromManyThreadsAtOnceAreEachNamedFromTheirManifestRoot()
    {
        // `extract corpus/foreign/scan` named its eleven files from two threads at once; the cache of folders was a
        // plain dictionary, and one document failed with 'a concurrent update corrupted its state'.
        var root = Directory.CreateTempSubdirectory("begroting-roots-").FullName;
        try
        {
            var corpus = Path.Combine(root, "corpus");
            Directory.CreateDirectory(corpus);
            File.WriteAllText(Path.Combine(corpus, "manifest.json"), "{}");
            var files = Enumerable.Range(0, 16).Select(i => Path.Combine(corpus, $"a{i % 4}", $"b{i}", $"doc{i}.pdf")).ToList();
            var expected = files.Select((_, i) => $"corpus/a{i % 4}/b{i}/doc{i}.pdf").ToList();

            // A race shows only now and then, mostly when a fresh batch names its first files: many fresh batches,
            // each naming its files from two threads let go at the same moment.
            var faults = 0;
            for (var round = 0; round < 3000; round++)
            {
                var roots = new InputRoots([corpus]);
                var names = new string[files.Count];
                using var start = new Barrier(2);
                void Name(int from)
                {
                    start.SignalAndWait();
                    for (var i = from; i < files.Count; i += 2)
                    {
                        try
                        {
                            names[i] = roots.Display(files[i]);
                        }
                        catch (InvalidOperationException)
                        {
                            Interlocked.Increment(ref faults);
                        }
                    }
                }

                var threads = new[] { new Thread(() => Name(0)), new Thread(() => Name(1)) };
                Array.ForEach(threads, t => t.Start());
                Array.ForEach(threads, t => t.Join());
                Assert.Equal(0, faults);
                Assert.Equal(expected, names);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
