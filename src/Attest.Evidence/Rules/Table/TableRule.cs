using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules.Table;

/// <summary>
/// The one evaluator of table rows, for CloudFormation and Terraform alike: values come through the readers' intrinsic,
/// condition and variable resolution (<see cref="IIacResource.ValuesAt"/>), separate resources through the references
/// they make (<see cref="ScanUnit.Referencing"/>).
/// </summary>
public sealed class TableRule : IacRule
{
    private static readonly Phrase Pass = new("{0}: {1}.", "{0} : {1}.");
    private static readonly Phrase Fail = new("{0} does not meet \"{1}\": expected {2}.", "{0} ne respecte pas « {1} » : attendu {2}.");

    private readonly (string Type, RowTarget[][] Groups)[] byType;

    /// <summary>A rule judging <paramref name="row"/>.</summary>
    public TableRule(RuleRow row)
    {
        Row = row;
        byType = row.Targets.GroupBy(t => t.Type, StringComparer.Ordinal).Select(g => (g.Key, Groups(g))).ToArray();
        Documentation = new RuleDocumentation
        {
            Id = row.Id,
            Topic = row.Topic,
            Title = row.Title,
            Rationale = row.Description,
            Fix = Fix(row),
            Severity = row.Severity,
            Equivalents = row.Equivalents,
            ResourceTypes = byType.Select(t => t.Type).ToArray(),
        };
    }

    /// <summary>The row judged.</summary>
    public RuleRow Row { get; }

    /// <inheritdoc />
    public override RuleDocumentation Documentation { get; }

    /// <inheritdoc />
    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        foreach (var (type, groups) in byType)
        {
            foreach (var resource in unit.OfType(type))
            {
                if (!Applies(resource, groups[0][0]) || Exempt(unit, resource, groups[0][0]))
                {
                    continue;
                }

                // Every group must pass; within a group, any alternative
                var judgements = new List<(Judgement Judgement, RowTarget Target)>(groups.Length);
                foreach (var group in groups)
                {
                    var alternatives = group.Select(t => (Judgement: Judge(unit, resource, t), Target: t)).ToList();
                    var best = alternatives.FirstOrDefault(a => a.Judgement.Outcome == FindingOutcome.Pass);
                    best = best.Target is not null ? best : alternatives.FirstOrDefault(a => a.Judgement.Outcome == FindingOutcome.Unknown);
                    judgements.Add(best.Target is not null ? best : alternatives[0]);
                }

                var decisive = judgements.FirstOrDefault(j => j.Judgement.Outcome == FindingOutcome.Fail);
                decisive = decisive.Target is not null ? decisive : judgements.FirstOrDefault(j => j.Judgement.Outcome == FindingOutcome.Unknown);
                var judgement = decisive.Target is not null ? decisive.Judgement : Judgement.All([.. judgements.Select(j => j.Judgement)]);
                var target = decisive.Target ?? groups[0][0];
                var message = judgement.Outcome switch
                {
                    FindingOutcome.Pass => Pass.With(resource.Address, Row.Title),
                    FindingOutcome.Fail => Fail.With(resource.Address, Row.Title, target.Describe()),
                    _ => RuleKit.Say(judgement, resource, Row.Title, Pass, Fail),
                };
                yield return target.Via is null ? Finding(resource, judgement, message, target.Segments) : Finding(resource, judgement, message);
            }
        }
    }

    private static RowTarget[][] Groups(IEnumerable<RowTarget> targets)
    {
        var groups = new List<List<RowTarget>>();
        foreach (var target in targets)
        {
            if (target.Or && groups.Count > 0)
            {
                groups[^1].Add(target);
            }
            else
            {
                groups.Add([target]);
            }
        }

        return [.. groups.Select(g => g.ToArray())];
    }

    // A condition holds when any possible value (any element under "*") meets it; one that cannot be known leaves the row
    // applying: the judgement then says what is unknown, if anything
    private static bool Applies(IIacResource resource, RowTarget first) =>
        first.When.All(c => resource.ValuesAt(c.Path.Split('.')).Values.DefaultIfEmpty(PossibleValue.Absent)
            .Any(v => c.Is.Judge(new ValueSet([v])).Outcome != FindingOutcome.Fail));

    private static bool Exempt(ScanUnit unit, IIacResource resource, RowTarget first) =>
        first.Unless.Any(e => unit.Referencing(resource, e.Type, e.Reference.Split('.'))
            .Any(r => e.When is not { } c || r.ValuesAt(c.Path.Split('.')).Values.DefaultIfEmpty(PossibleValue.Absent).Any(v => c.Is.Judge(new ValueSet([v])).Outcome != FindingOutcome.Fail)));

    private static Judgement Judge(ScanUnit unit, IIacResource resource, RowTarget target)
    {
        if (target.Via is not { } via)
        {
            return target.Good.Judge(resource.ValuesAt(target.Segments));
        }

        var carriers = unit.Referencing(resource, via, target.ViaReference.Split('.')).ToList();
        if (target.Good.Kind == ExpectationKind.Exists)
        {
            return carriers.Count > 0 ? Judgement.Pass : Judgement.Fail;
        }

        return carriers.Count == 0
            ? target.Good.Judge(ValueSet.Absent)
            : Judgement.Any([.. carriers.Select(c => target.Good.Judge(c.ValuesAt(target.Segments)))]);
    }

    private static LocalizedString Fix(RuleRow row)
    {
        static string Side(IEnumerable<RowTarget> targets, Language language) => string.Join(language == Language.Fr ? " ; " : "; ", targets
            .GroupBy(t => t.Type, StringComparer.Ordinal)
            .Select(g => g.Key + (language == Language.Fr ? " : " : ": ") + string.Join(language == Language.Fr ? " ou " : " or ", g.Select(t => t.Describe().In(language)))));

        var cfn = row.Targets.Where(t => t.Framework == "cloudformation").ToList();
        var tf = row.Targets.Where(t => t.Framework == "terraform").ToList();
        string Both(Language l, string cfnLabel, string tfLabel) => string.Join(" — ", new[]
        {
            cfn.Count > 0 ? $"{cfnLabel} {Side(cfn, l)}" : null,
            tf.Count > 0 ? $"{tfLabel} {Side(tf, l)}" : null,
        }.Where(s => s is not null)) + ".";
        return new("Change the code so that, in " + Both(Language.En, "CloudFormation:", "Terraform:"), "Modifiez le code pour que, en " + Both(Language.Fr, "CloudFormation :", "Terraform :"));
    }
}
