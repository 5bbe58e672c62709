using System.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>The state shared by one reading: budget, problems, the references being recorded, the source texts.</summary>
internal sealed class Session(Func<string, IReadOnlyDictionary<string, string>?> loadLocalModule)
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _problemsPerFile = new(StringComparer.Ordinal);
    private readonly HashSet<(FileLocation, string)> _problemKeys = [];
    private readonly List<HashSet<string>> _recorders = [];
    private long _steps;
    private bool _exhaustedReported;

    public Func<string, IReadOnlyDictionary<string, string>?> LoadLocalModule { get; } = loadLocalModule;

    public List<IacProblem> Problems { get; } = [];

    public List<TerraformResource> Resources { get; } = [];

    /// <summary>Parsed files of local module folders, by their path relative to the root.</summary>
    public Dictionary<string, IReadOnlyList<ConfigFile>?> ParsedModules { get; } = new(StringComparer.Ordinal);

    public int ModuleCount { get; set; }

    public int Depth { get; set; }

    public bool Exhausted => _steps > Limits.MaxSteps;

    /// <summary>Counts one step of work; false once the budget is spent.</summary>
    public bool Step(SourceRange at)
    {
        if (++_steps <= Limits.MaxSteps)
        {
            return true;
        }

        if (!_exhaustedReported)
        {
            _exhaustedReported = true;
            Problem(at, $"evaluation stopped after {Limits.MaxSteps:N0} steps; further values are unknown");
        }

        return false;
    }

    public void AddText(string fileName, string text) => _texts[fileName] = text;

    /// <summary>The source text of a range, on one line and shortened, for notes such as "when var.create is true".</summary>
    public string Snippet(SourceRange range, int max = 80)
    {
        if (!_texts.TryGetValue(range.FileName, out var text))
        {
            return "…";
        }

        var start = range.Start.Byte;
        var end = range.End.Byte;
        string raw;
        if (text.Length == Encoding.UTF8.GetByteCount(text))
        {
            if (start < 0 || end > text.Length || end < start)
            {
                return "…";
            }

            raw = text[start..end];
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (start < 0 || end > bytes.Length || end < start)
            {
                return "…";
            }

            raw = Encoding.UTF8.GetString(bytes, start, end - start);
        }

        var oneLine = string.Join(' ', raw.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)] + "…";
    }

    public static FileLocation Location(SourceRange range) => new(range.FileName, range.Start.Line, range.Start.Column);

    public void Problem(SourceRange range, string message) => Problem(Location(range), message);

    public void Problem(FileLocation location, string message)
    {
        if (!_problemKeys.Add((location, message)))
        {
            return;
        }

        _problemsPerFile.TryGetValue(location.File, out var count);
        _problemsPerFile[location.File] = count + 1;
        if (count < Limits.MaxProblemsPerFile)
        {
            Problems.Add(new IacProblem(location, message));
        }
        else if (count == Limits.MaxProblemsPerFile)
        {
            Problems.Add(new IacProblem(location, "further problems in this file are not reported"));
        }
    }

    /// <summary>Starts recording the resource addresses referred to while evaluating one attribute.</summary>
    public void PushRecorder() => _recorders.Add(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Stops recording; unless <paramref name="propagate"/> is false, the addresses also count for the enclosing recorder.</summary>
    public IReadOnlyList<string> PopRecorder(bool propagate = true)
    {
        var top = _recorders[^1];
        _recorders.RemoveAt(_recorders.Count - 1);
        if (propagate && _recorders.Count > 0)
        {
            _recorders[^1].UnionWith(top);
        }

        return top.Count == 0 ? [] : [.. top.Order(StringComparer.Ordinal)];
    }

    public void Record(string address)
    {
        if (_recorders.Count > 0)
        {
            _recorders[^1].Add(address);
        }
    }

    public void Replay(IReadOnlyList<string> addresses)
    {
        if (_recorders.Count > 0)
        {
            _recorders[^1].UnionWith(addresses);
        }
    }
}

/// <summary>A value computed once on first use, with the references met while computing it; guards against cycles.</summary>
internal sealed class LazyValue(Func<VSet> compute, string what)
{
    private VSet? _value;
    private IReadOnlyList<string> _references = [];
    private bool _inProgress;

    public VSet Get(Session session)
    {
        if (_value is not null)
        {
            session.Replay(_references);
            return _value;
        }

        if (_inProgress)
        {
            return VSet.Error($"{what} refers to itself");
        }

        _inProgress = true;
        session.PushRecorder();
        try
        {
            _value = compute();
        }
        finally
        {
            _references = session.PopRecorder();
            _inProgress = false;
        }

        return _value;
    }
}
