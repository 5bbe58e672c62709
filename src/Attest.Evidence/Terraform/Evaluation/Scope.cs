namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Where an expression is evaluated: its module and the names bound around it (for variables, <c>each</c>, <c>count</c>, iterators).</summary>
internal sealed class Scope
{
    private readonly Scope? _parent;
    private readonly string? _name;
    private readonly VSet? _value;

    public Scope(ModuleInstance module)
    {
        Module = module;
    }

    private Scope(Scope parent, string? name, VSet? value, VSet? anonymous)
    {
        Module = parent.Module;
        _parent = parent;
        _name = name;
        _value = value;
        Anonymous = anonymous ?? parent.Anonymous;
    }

    public ModuleInstance Module { get; }

    /// <summary>The element a splat's "each" expression applies to.</summary>
    public VSet? Anonymous { get; }

    public Scope With(string name, VSet value) => new(this, name, value, null);

    public Scope WithAnonymous(VSet value) => new(this, null, null, value);

    public bool TryLookup(string name, out VSet value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._name is not null && string.Equals(scope._name, name, StringComparison.Ordinal))
            {
                value = scope._value!;
                return true;
            }
        }

        value = VSet.Null;
        return false;
    }
}
