using Attest.Core.Documents;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>
/// A CloudFormation (or SAM) template read from JSON or YAML: its sections in long form, its resources, and the problems met.
/// Values are resolved on demand (<see cref="CloudFormationResource.ValuesAt"/>, <see cref="Resolve"/>). No I/O: text in, model out.
/// </summary>
public sealed class CloudFormationTemplate
{
    /// <summary>The SAM transform's name.</summary>
    public const string ServerlessTransform = "AWS::Serverless-2016-10-31";

    private const int MaxProblems = 100;

    private static readonly DocumentLimits TemplateLimits = new() { AllowTags = true };

    private static readonly HashSet<string> ExpandedTransforms = new(StringComparer.Ordinal) { ServerlessTransform, "AWS::LanguageExtensions" };

    private readonly List<IacProblem> problems = [];
    private readonly Dictionary<string, CloudFormationResource> byId = new(StringComparer.Ordinal);
    private readonly List<string> moduleIds = [];
    private List<KeyValuePair<ScalarNode, DocumentNode>> outputDefinitions = [];
    private Resolver resolver;

    private CloudFormationTemplate(string file)
    {
        File = file;
        resolver = new Resolver(Parameters, Conditions, Mappings, new HashSet<string>());
    }

    /// <summary>The file the template was read from, as given.</summary>
    public string File { get; }

    /// <summary>The <c>AWSTemplateFormatVersion</c>, or null.</summary>
    public string? FormatVersion { get; private set; }

    /// <summary>The template's <c>Description</c>, or null.</summary>
    public string? Description { get; private set; }

    /// <summary>The transforms (macros) the template declares, in order: <c>AWS::Serverless-2016-10-31</c>, <c>AWS::Include</c>…</summary>
    public IReadOnlyList<string> Transform { get; private set; } = [];

    /// <summary>True for a SAM template: its <c>AWS::Serverless::*</c> resources are read with the <c>Globals</c> merged in.</summary>
    public bool IsServerless => Transform.Contains(ServerlessTransform);

    /// <summary>The parameters by name, in file order.</summary>
    public IReadOnlyDictionary<string, CloudFormationParameter> Parameters { get; private set; } = new Dictionary<string, CloudFormationParameter>();

    /// <summary>The conditions by name, each an expression in long form (<c>Fn::Equals</c>, <c>Fn::And</c>…).</summary>
    public IReadOnlyDictionary<string, DocumentNode> Conditions { get; private set; } = new Dictionary<string, DocumentNode>();

    /// <summary>The mappings by name (<c>Fn::FindInMap</c> tables).</summary>
    public IReadOnlyDictionary<string, DocumentNode> Mappings { get; private set; } = new Dictionary<string, DocumentNode>();

    /// <summary>The outputs by name, in file order, <c>Fn::ForEach</c> loops unrolled.</summary>
    public IReadOnlyDictionary<string, CloudFormationOutput> Outputs { get; private set; } = new Dictionary<string, CloudFormationOutput>();

    /// <summary>The resources in file order, <c>Fn::ForEach</c> loops unrolled.</summary>
    public IReadOnlyList<CloudFormationResource> Resources { get; private set; } = [];

    /// <summary>Problems met while reading: syntax errors, malformed sections, references to names the template does not declare.</summary>
    public IReadOnlyList<IacProblem> Problems => problems;

    /// <summary>Reads a template from JSON or YAML text; never throws, an unreadable text gives a template with one problem.</summary>
    public static CloudFormationTemplate Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, error) = DocumentParser.Parse(text, file, TemplateLimits);
        if (root is null)
        {
            var template = new CloudFormationTemplate(file);
            var message = error is null ? "the template cannot be read" : string.IsNullOrEmpty(error.Field) ? error.Problem : $"{error.Field}: {error.Problem}";
            template.problems.Add(new IacProblem(new FileLocation(file, Math.Max(error?.Line ?? 1, 1), Math.Max(error?.Column ?? 1, 1)), message));
            return template;
        }

        return FromNode(root, file);
    }

    /// <summary>
    /// Builds a template from an already parsed document (for instance one test case of a larger YAML file), which must have been
    /// read with <see cref="DocumentLimits.AllowTags"/> so that short forms are kept.
    /// </summary>
    public static CloudFormationTemplate FromNode(DocumentNode root, string file)
    {
        ArgumentNullException.ThrowIfNull(root);
        var template = new CloudFormationTemplate(file);
        template.Build(ShortForms.Normalize(root));
        return template;
    }

    /// <summary>The resource with logical id <paramref name="logicalId"/>, or null.</summary>
    public CloudFormationResource? Resource(string logicalId) => byId.GetValueOrDefault(logicalId);

    /// <summary>Every possible value of <paramref name="node"/> (an output's value, a metadata entry…) at <paramref name="path"/> below it.</summary>
    public ValueSet Resolve(DocumentNode? node, params string[] path) => ToValueSet(resolver.Navigate(node, path));

    /// <summary>The possible outcomes of a named condition: <c>true</c>, <c>false</c> or unknown values, each saying which defaults or allowed values it rests on.</summary>
    public ValueSet ConditionValues(string name) => ToValueSet([.. resolver.ConditionOutcomes(name)]);

    /// <summary>The framework-neutral view of the template.</summary>
    public IacDocument ToDocument() => new("cloudformation", File, Resources, Problems);

    internal Resolver Resolver => resolver;

    internal static ValueSet ToValueSet(List<Alternative> alternatives) =>
        new([.. alternatives.Select(a => new PossibleValue(a.Value, a.Provenance.Source, a.Provenance.How))]);

    internal FileLocation Locate(SourcePosition position) => new(File, Math.Max(position.Line, 1), Math.Max(position.Column, 1));

    internal void Problem(SourcePosition at, string message)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(new IacProblem(Locate(at), message));
        }
        else if (problems.Count == MaxProblems)
        {
            problems.Add(new IacProblem(Locate(at), "more problems follow; only the first ones are listed"));
        }
    }

    private void Build(DocumentNode root)
    {
        if (root is not MappingNode sections)
        {
            Problem(root.Position, $"a template is a mapping of sections (Resources, Parameters…), not {root.KindName}");
            return;
        }

        MappingNode? resources = null, outputs = null, globals = null;
        foreach (var (key, value) in sections.Entries)
        {
            switch (key.Value)
            {
                case "AWSTemplateFormatVersion":
                    FormatVersion = Text(value);
                    break;
                case "Description":
                    Description = Text(value);
                    break;
                case "Transform":
                    Transform = ReadTransform(value);
                    break;
                case "Parameters":
                    Parameters = ReadParameters(Section(key, value));
                    break;
                case "Mappings":
                    Mappings = Entries(Section(key, value));
                    break;
                case "Conditions":
                    Conditions = Entries(Section(key, value));
                    break;
                case "Resources":
                    resources = Section(key, value);
                    break;
                case "Outputs":
                    outputs = Section(key, value);
                    break;
                case "Globals":
                    globals = Section(key, value);
                    break;
            }
        }

        var definitions = resources is null ? [] : Expansions.UnrollLoops(resources, LoopCollection, Problem);
        var names = new HashSet<string>(definitions.Select(d => d.Key.Value), StringComparer.Ordinal);
        resolver = new Resolver(Parameters, Conditions, Mappings, names);
        Resources = ReadResources(definitions, IsServerless ? globals : null);
        Outputs = ReadOutputs(outputs);
        if (Transform.All(ExpandedTransforms.Contains))
        {
            new ReferenceCheck(this, names, moduleIds).Run(definitions, outputDefinitions, Conditions);
        }
    }

    private MappingNode? Section(ScalarNode key, DocumentNode value)
    {
        if (value is MappingNode mapping)
        {
            return mapping;
        }

        if (value is not ScalarNode { IsNull: true })
        {
            Problem(value.Position, $"the {key.Value} section must be a mapping, not {value.KindName}");
        }

        return null;
    }

    private static Dictionary<string, DocumentNode> Entries(MappingNode? section)
    {
        var entries = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
        foreach (var (key, value) in section?.Entries ?? [])
        {
            entries[key.Value] = value;
        }

        return entries;
    }

    private static string? Text(DocumentNode? node) => node is ScalarNode { IsNull: false } scalar ? scalar.Value : null;

    private static List<string> ReadTransform(DocumentNode value)
    {
        IEnumerable<DocumentNode> items = value is SequenceNode sequence ? sequence.Items : [value];
        return [.. items.Select(i => i is MappingNode m ? Text(m.Entries.FirstOrDefault(e => e.Key.Value == "Name").Value) : Text(i)).OfType<string>()];
    }

    private Dictionary<string, CloudFormationParameter> ReadParameters(MappingNode? section)
    {
        var parameters = new Dictionary<string, CloudFormationParameter>(StringComparer.Ordinal);
        foreach (var (key, value) in section?.Entries ?? [])
        {
            if (value is not MappingNode declaration)
            {
                Problem(value.Position, $"parameter {key.Value} must be a mapping with a Type, not {value.KindName}");
                continue;
            }

            var fields = Entries(declaration);
            var defaultValue = fields.GetValueOrDefault("Default") switch
            {
                ScalarNode { IsNull: false } scalar => scalar.Value,
                SequenceNode list => string.Join(",", list.Items.Select(Text)),
                _ => null,
            };
            var allowed = fields.GetValueOrDefault("AllowedValues") is SequenceNode values ? values.Items.Select(Text).OfType<string>().ToList() : [];
            var noEcho = Text(fields.GetValueOrDefault("NoEcho")) is { } echo && echo.Equals("true", StringComparison.OrdinalIgnoreCase);
            parameters[key.Value] = new CloudFormationParameter(
                key.Value, Text(fields.GetValueOrDefault("Type")) ?? "String", Locate(key.Position), defaultValue, allowed, noEcho, Text(fields.GetValueOrDefault("Description")));
        }

        return parameters;
    }

    /// <summary>The values a <c>Fn::ForEach</c> loops over: a literal list, or a list parameter's default.</summary>
    private List<string>? LoopCollection(DocumentNode source)
    {
        if (source is SequenceNode list && list.Items.All(i => i is ScalarNode))
        {
            return [.. list.Items.Select(i => ((ScalarNode)i).Value)];
        }

        if (Intrinsic.TryGet(source, out var name, out var argument) && name == "Ref"
            && Intrinsic.Name(argument) is { } parameter && Parameters.GetValueOrDefault(parameter)?.Default is { } text)
        {
            return [.. text.Split(',').Select(s => s.Trim())];
        }

        return null;
    }

    private List<CloudFormationResource> ReadResources(List<KeyValuePair<ScalarNode, DocumentNode>> definitions, MappingNode? globals)
    {
        var list = new List<CloudFormationResource>();
        foreach (var (key, value) in definitions)
        {
            if (byId.ContainsKey(key.Value))
            {
                Problem(key.Position, $"resource {key.Value} is declared twice");
                continue;
            }

            if (value is not MappingNode definition)
            {
                Problem(value.Position, $"resource {key.Value} must be a mapping with a Type, not {value.KindName}");
                continue;
            }

            var fields = Entries(definition);
            var typeNode = fields.GetValueOrDefault("Type");
            if (Text(typeNode) is not { Length: > 0 } type || typeNode is MappingNode)
            {
                var directive = typeNode is not null && Intrinsic.TryGet(typeNode, out var function, out _) ? function : null;
                if (directive is not null)
                {
                    // A module's resources are named after it (NetworkVPC for module Network): references to them are not errors of the template
                    moduleIds.Add(key.Value);
                }

                var why = typeNode is null ? "has no Type"
                    : directive is not null ? $"has its Type given by {directive}, which is not expanded here"
                    : "has a Type that is not text";
                Problem((typeNode ?? key).Position, $"resource {key.Value} {why}; it is not read");
                continue;
            }

            var properties = fields.GetValueOrDefault("Properties");
            if (globals is not null && type.StartsWith("AWS::Serverless::", StringComparison.Ordinal)
                && globals.Entries.FirstOrDefault(e => e.Key.Value == type["AWS::Serverless::".Length..]).Value is { } global)
            {
                properties = properties is null ? global : Expansions.MergeGlobals(global, properties);
            }

            var dependsOn = fields.GetValueOrDefault("DependsOn") switch
            {
                SequenceNode items => items.Items.Select(Text).OfType<string>().ToList(),
                var single => Text(single) is { } one ? [one] : [],
            };
            var resource = new CloudFormationResource(
                this, key.Value, type, Locate(key.Position), definition, properties, fields.GetValueOrDefault("Metadata"), Text(fields.GetValueOrDefault("Condition")), dependsOn);
            byId[key.Value] = resource;
            list.Add(resource);
        }

        return list;
    }

    private Dictionary<string, CloudFormationOutput> ReadOutputs(MappingNode? section)
    {
        var outputs = new Dictionary<string, CloudFormationOutput>(StringComparer.Ordinal);
        if (section is null)
        {
            return outputs;
        }

        outputDefinitions = Expansions.UnrollLoops(section, LoopCollection, Problem);
        foreach (var (key, value) in outputDefinitions)
        {
            if (value is not MappingNode declaration)
            {
                Problem(value.Position, $"output {key.Value} must be a mapping with a Value, not {value.KindName}");
                continue;
            }

            var fields = Entries(declaration);
            var export = fields.GetValueOrDefault("Export") is MappingNode exported ? Entries(exported).GetValueOrDefault("Name") : null;
            outputs[key.Value] = new CloudFormationOutput(key.Value, Locate(key.Position), fields.GetValueOrDefault("Value"), export, Text(fields.GetValueOrDefault("Condition")));
        }

        return outputs;
    }
}
