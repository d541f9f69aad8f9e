namespace Begroting.Pipeline.Export;

/// <summary>Writes through a temporary file, moved into place only when complete, so a crash never leaves a half-written file that looks complete.</summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string path;
    private readonly string temp;
    private bool committed;

    public AtomicFile(string path)
    {
        this.path = path;
        temp = path + ".tmp";
        Stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public Stream Stream { get; }

    public void Commit()
    {
        Stream.Flush();
        Stream.Dispose();
        File.Move(temp, path, overwrite: true);
        committed = true;
    }

    public void Dispose()
    {
        if (!committed)
        {
            Stream.Dispose();
            File.Delete(temp);
        }
    }
}
