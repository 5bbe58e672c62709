using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>How a module instance was reached: its address, folders, inputs and how many times it is created.</summary>
internal sealed record ModuleSetup(
    string Prefix,
    string RelativePath,
    string DisplayFolder,
    string RootDisplayFolder,
    int Depth,
    IReadOnlyList<string> Ancestors,
    IReadOnlyDictionary<string, LazyValue>? Inputs,
    IReadOnlyDictionary<string, VariableFileValue>? VariableFiles,
    string? Multiplicity,
    bool NeverCreated);

/// <summary>A variable's value from a <c>.tfvars</c> file (an expression) or a <c>.tfvars.json</c> file (a value).</summary>
internal sealed record VariableFileValue(string File, Expression? Expression, V? Value);

/// <summary>One module (the root or a followed local module): its variables, locals, outputs, resources and module calls.</summary>
internal sealed partial class ModuleInstance
{
    private static readonly HashSet<string> ModuleMetaArguments = new(StringComparer.Ordinal)
    {
        "source", "version", "count", "for_each", "providers", "depends_on",
    };

    private readonly Session _session;
    private readonly Evaluator _evaluator;
    private readonly ModuleSetup _setup;
    private readonly Scope _scope;
    private readonly Dictionary<string, LazyValue> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazyValue> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazyValue> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Block> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Block> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModuleCall> _calls = new(StringComparer.Ordinal);
    private readonly List<(Block Block, bool IsData)> _blocks = [];
    private readonly Dictionary<string, LazyValue> _policyDocuments = new(StringComparer.Ordinal);
    private bool _read;

    public ModuleInstance(Session session, Evaluator evaluator, IReadOnlyList<ConfigFile> files, ModuleSetup setup)
    {
        _session = session;
        _evaluator = evaluator;
        _setup = setup;
        _scope = new Scope(this);
        foreach (var file in files)
        {
            foreach (var block in file.Body.Blocks)
            {
                Register(block);
            }
        }
    }

    public string Prefix => _setup.Prefix;

    public VString PathModule => new(_setup.DisplayFolder);

    public VString PathRoot => new(_setup.RootDisplayFolder);

    private sealed class ModuleCall(Block block, string name)
    {
        public Block Block { get; } = block;

        public string Name { get; } = name;

        public bool Attempted { get; set; }

        public ModuleInstance? Child { get; set; }
    }

    private void Register(Block block)
    {
        var labels = block.Labels.Select(l => l.Value).ToArray();
        switch (block.Type)
        {
            case "variable" when labels.Length == 1:
                AddUnique(_variables, labels[0], new LazyValue(() => ComputeVariable(labels[0], block), "variable " + labels[0]), block, "variable");
                break;
            case "locals":
                foreach (var attribute in block.Body.Attributes)
                {
                    var expression = attribute.Expression;
                    AddUnique(_locals, attribute.Name, new LazyValue(() => _evaluator.Eval(expression, _scope), "local." + attribute.Name), attribute, "local value");
                }

                break;
            case "output" when labels.Length == 1:
                var value = block.Body.FindAttribute("value")?.Expression;
                AddUnique(_outputs, labels[0], new LazyValue(() => value is null ? VSet.Null : _evaluator.Eval(value, _scope), "output " + labels[0]), block, "output");
                break;
            case "resource" when labels.Length == 2:
                if (AddUnique(_resources, labels[0] + "." + labels[1], block, block, "resource"))
                {
                    _blocks.Add((block, false));
                }

                break;
            case "data" when labels.Length == 2:
                if (AddUnique(_data, labels[0] + "." + labels[1], block, block, "data source"))
                {
                    _blocks.Add((block, true));
                }

                break;
            case "module" when labels.Length == 1:
                AddUnique(_calls, labels[0], new ModuleCall(block, labels[0]), block, "module");
                break;
            case "variable" or "output" or "resource" or "data" or "module":
                _session.Problem(block.Range, $"a {block.Type} block needs {(block.Type is "resource" or "data" ? "two labels" : "one label")}");
                break;
        }
    }

    private bool AddUnique<T>(Dictionary<string, T> map, string key, T value, BodyItem item, string what)
    {
        if (map.TryAdd(key, value))
        {
            return true;
        }

        _session.Problem(item.Range, $"duplicate {what} {key}; the first one is used");
        return false;
    }

    // ---- names an expression can refer to --------------------------------------------------------------------

    public VSet Variable(string name) =>
        _variables.TryGetValue(name, out var variable) ? variable.Get(_session) : VSet.Error($"undeclared variable {name}");

    public VSet Local(string name) =>
        _locals.TryGetValue(name, out var local) ? local.Get(_session) : VSet.Error($"undeclared local value {name}");

    public bool HasResource(string type, string name) => _resources.ContainsKey(type + "." + name);

    public bool HasData(string type, string name) => _data.ContainsKey(type + "." + name);

    public VSet Output(string name) =>
        _outputs.TryGetValue(name, out var output) ? output.Get(_session) : VSet.Error($"the module has no output {name}");

    public VSet ModuleOutput(string callName, string output, Traversal traversal)
    {
        if (!_calls.TryGetValue(callName, out var call))
        {
            return VSet.Error($"undeclared module {callName}");
        }

        var child = Follow(call);
        if (child is null)
        {
            _session.Record(Prefix + "module." + callName);
            return VSet.Unknown($"module {callName} is not followed: {traversal}");
        }

        return child.Output(output);
    }

    public VSet PolicyDocumentJson(string name)
    {
        if (!_policyDocuments.TryGetValue(name, out var document))
        {
            var block = _data["aws_iam_policy_document." + name];
            document = new LazyValue(() =>
            {
                var resource = EvaluateBlock(block, true);
                if (resource is null)
                {
                    return VSet.Unknown($"policy document {name} refers to itself");
                }

                var builder = new VSetBuilder();
                foreach (var instance in resource.Instances)
                {
                    builder.AddAll(PolicyDocument.Render(instance.Body), Prov.Literal);
                }

                return builder.Build();
            }, "policy document " + name);
            _policyDocuments[name] = document;
        }

        return document.Get(_session);
    }

    private VSet ComputeVariable(string name, Block block)
    {
        var body = block.Body;
        var type = TypeConstraint.Parse(body.FindAttribute("type")?.Expression);
        var nullable = !(body.FindAttribute("nullable")?.Expression.TryEvaluateLiteral(out var n) == true && n is false);
        var defaultExpression = body.FindAttribute("default")?.Expression;
        var where = Prefix.Length == 0 ? "" : " in " + Prefix.TrimEnd('.');
        VSet Default() => _evaluator.Eval(defaultExpression!, _scope).Inherit(new Prov(ValueSource.Default, $"variable {name} default{where}"));

        VSet value;
        if (_setup.Inputs is not null && _setup.Inputs.TryGetValue(name, out var input))
        {
            value = input.Get(_session);
            if (!nullable && defaultExpression is not null && value.Any(v => v is VNull))
            {
                var builder = new VSetBuilder();
                foreach (var alt in value.Alts)
                {
                    if (alt.Value is VNull)
                    {
                        builder.AddAll(Default(), alt.Prov);
                    }
                    else
                    {
                        builder.Add(alt.Value, alt.Prov);
                    }
                }

                value = builder.Build();
            }
        }
        else if (_setup.VariableFiles is not null && _setup.VariableFiles.TryGetValue(name, out var given))
        {
            var raw = given.Expression is { } expression ? _evaluator.Eval(expression, _scope) : VSet.Of(given.Value ?? VNull.Instance);
            value = raw.Inherit(new Prov(ValueSource.Variables, $"variable {name} from {given.File}"));
        }
        else if (defaultExpression is not null)
        {
            value = Default();
        }
        else
        {
            return VSet.Unknown($"variable {name} has no value");
        }

        return type.Convert(value, e => _evaluator.Eval(e, _scope));
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /// <summary>Evaluates every resource and data source of the module, then follows its local modules.</summary>
    public void ReadAll()
    {
        if (_read)
        {
            return;
        }

        _read = true;
        foreach (var (block, isData) in _blocks)
        {
            try
            {
                if (EvaluateBlock(block, isData) is { } resource)
                {
                    _session.Resources.Add(resource);
                }
            }
            catch (Exception e) when (TerraformReader.IsRecoverable(e))
            {
                _session.Problem(block.Range, $"internal error while evaluating this block: {e.GetType().Name}: {e.Message}");
            }
        }

        foreach (var call in _calls.Values)
        {
            Follow(call)?.ReadAll();
        }
    }

    private ModuleInstance? Follow(ModuleCall call)
    {
        if (call.Attempted)
        {
            return call.Child;
        }

        call.Attempted = true;
        var block = call.Block;
        var sourceAttribute = block.Body.FindAttribute("source");
        if (sourceAttribute is null)
        {
            _session.Problem(block.Range, $"module {call.Name} has no source");
            return null;
        }

        if (!sourceAttribute.Expression.TryEvaluateLiteral(out var literal) || literal is not string source)
        {
            _session.Problem(sourceAttribute.Range, $"module {call.Name} is not followed: its source is not a literal string");
            return null;
        }

        if (!ModulePaths.IsLocal(source))
        {
            _session.Problem(block.Range, $"module {call.Name} from {ModulePaths.Kind(source)} not followed (source \"{source}\")");
            return null;
        }

        var relative = ModulePaths.Join(_setup.RelativePath, source);
        if (_setup.Ancestors.Contains(relative, StringComparer.Ordinal))
        {
            _session.Problem(block.Range, $"module {call.Name} is not followed: \"{source}\" leads back to a module that calls it");
            return null;
        }

        if (_setup.Depth + 1 > Limits.MaxModuleDepth || _session.ModuleCount >= Limits.MaxModules)
        {
            _session.Problem(block.Range, $"module {call.Name} is not followed: too many nested or followed modules");
            return null;
        }

        var display = ModulePaths.Join(_setup.RootDisplayFolder, relative);
        var files = TerraformReader.LoadModule(_session, relative, display);
        if (files is null)
        {
            _session.Problem(block.Range, $"module {call.Name} is not followed: local folder \"{source}\" not found");
            return null;
        }

        _session.ModuleCount++;
        var plan = PlanInstances(block, perInstance: false);
        var callScope = plan.Instances[0].Scope;
        var inputs = new Dictionary<string, LazyValue>(StringComparer.Ordinal);
        foreach (var attribute in block.Body.Attributes)
        {
            if (!ModuleMetaArguments.Contains(attribute.Name))
            {
                var expression = attribute.Expression;
                inputs[attribute.Name] = new LazyValue(() => _evaluator.Eval(expression, callScope), $"input {attribute.Name} of module {call.Name}");
            }
        }

        var address = Prefix + "module." + call.Name;
        var multiplicity = JoinNotes(_setup.Multiplicity, plan.Note is null ? null : address + ": " + plan.Note);
        call.Child = new ModuleInstance(_session, _evaluator, files, new ModuleSetup(
            address + ".",
            relative,
            display,
            _setup.RootDisplayFolder,
            _setup.Depth + 1,
            [.. _setup.Ancestors, relative],
            inputs,
            null,
            multiplicity,
            _setup.NeverCreated || plan.NeverCreated));
        return call.Child;
    }

    private static string? JoinNotes(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;
}
