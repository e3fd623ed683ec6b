using System.Text;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>The <see cref="Console.Out"/> of a running notebook: everything written goes to the current cell's outputs.</summary>
internal sealed class CellOutputWriter(string stream) : TextWriter
{
    private volatile CellOutputs? _target;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The cell whose outputs receive the text (null: text is dropped, e.g. between cells).</summary>
    public CellOutputs? Target
    {
        get => _target;
        set => _target = value;
    }

    public override void Write(char value) => _target?.Write(value.ToString(), stream);

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _target?.Write(value, stream);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write("\n");
}
