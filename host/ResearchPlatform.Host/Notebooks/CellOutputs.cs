using System.Text;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// The outputs of the cell being run, in order: consecutive stdout writes merge into one <c>stream</c> output, and a
/// display flushes the text written before it so the order matches what the cell did. Thread-safe.
/// </summary>
internal sealed class CellOutputs
{
    private readonly Lock _gate = new();
    private readonly JsonArray _outputs = [];
    private readonly StringBuilder _pending = new();
    private string _pendingStream = "stdout";

    /// <summary>Appends text to the <c>stdout</c> (or <c>stderr</c>) stream.</summary>
    public void Write(string text, string stream = "stdout")
    {
        lock (_gate)
        {
            if (_pending.Length > 0 && stream != _pendingStream)
            {
                FlushLocked();
            }

            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    /// <summary>Appends a <c>display_data</c> output with the given mime bundle.</summary>
    public void Display(MimeBundle bundle)
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = bundle.ToJson(), ["metadata"] = new JsonObject() });
        }
    }

    /// <summary>Appends the cell's <c>execute_result</c>.</summary>
    public void Result(MimeBundle bundle, int executionCount)
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(new JsonObject
            {
                ["output_type"] = "execute_result",
                ["execution_count"] = executionCount,
                ["data"] = bundle.ToJson(),
                ["metadata"] = new JsonObject(),
            });
        }
    }

    /// <summary>Appends an <c>error</c> output.</summary>
    public void Error(string name, string value, IEnumerable<string> traceback)
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(new JsonObject
            {
                ["output_type"] = "error",
                ["ename"] = name,
                ["evalue"] = value,
                ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            });
        }
    }

    /// <summary>Flushes pending text and returns the outputs (the collector must not be used afterwards).</summary>
    public JsonArray Complete()
    {
        lock (_gate)
        {
            FlushLocked();
            return _outputs;
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        _outputs.Add(new JsonObject
        {
            ["output_type"] = "stream",
            ["name"] = _pendingStream,
            ["text"] = NotebookDocument.ToLines(_pending.ToString()),
        });
        _pending.Clear();
    }
}
