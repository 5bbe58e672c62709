using System.Collections;
using System.Globalization;
using System.Text;

namespace Attest.Core.Text;

/// <summary>
/// A text template in English and French with numbered holes (<c>{0}</c>, <c>{1}</c>…).
/// Templates are static; formatting happens only when a message is shown.
/// </summary>
public sealed class Phrase(string en, string fr)
{
    private Message? plain;

    /// <summary>The English template.</summary>
    public string En { get; } = en;

    /// <summary>The French template, its punctuation spaced as French wants it (<see cref="FrenchTypography"/>).</summary>
    public string Fr { get; } = FrenchTypography.Apply(fr);

    /// <summary>
    /// The wording for web pages when this one names fields of the application file (<c>partner.guidelinesRead</c>,
    /// <c>met: true</c>): the same holes, the form's words instead. The CLI and the file-facing texts keep this one.
    /// </summary>
    public Phrase? ForPeople { get; init; }

    /// <summary>
    /// The wording for readers other than the partner (the auditor, the program office, the partner manager) when this
    /// one speaks to the partner ("you assessed it as met"): the same holes, in the third person.
    /// </summary>
    public Phrase? ForOthers { get; init; }

    // Fixed arities rather than params: a lone array argument must fill one hole, not spread over several. Typed rather
    // than object: the values are kept as they are (no boxing, no argument array) and converted only when shown.

    /// <summary>Fills hole {0}.</summary>
    public Message With<TA>(TA a) => new Message<TA>(this, a);

    /// <summary>Fills holes {0} and {1}.</summary>
    public Message With<TA, TB>(TA a, TB b) => new Message<TA, TB>(this, a, b);

    /// <summary>Fills holes {0} to {2}.</summary>
    public Message With<TA, TB, TC>(TA a, TB b, TC c) => new Message<TA, TB, TC>(this, a, b, c);

    /// <summary>Fills holes {0} to {3}.</summary>
    public Message With<TA, TB, TC, TD>(TA a, TB b, TC c, TD d) => new Message<TA, TB, TC, TD>(this, a, b, c, d);

    /// <summary>Fills holes {0} to {4}.</summary>
    public Message With<TA, TB, TC, TD, TE>(TA a, TB b, TC c, TD d, TE e) => new Message<TA, TB, TC, TD, TE>(this, a, b, c, d, e);

    /// <summary>The template as a message with no arguments (one shared instance per phrase: messages are immutable).</summary>
    public Message Message() => plain ??= new(this, []);

    /// <summary>The template itself, for phrases without holes.</summary>
    public string In(Language language) => Template(language);

    internal string Template(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>
/// A phrase with its arguments: formatted in either language on demand. The arguments of a message made by
/// <see cref="Phrase.With{TA}(TA)"/> and its siblings are kept typed in the message itself (a subclass per arity), so that a
/// message costs one small object however many values it holds; they are boxed only when read through <see cref="Args"/>
/// or shown.
/// </summary>
public class Message
{
    private readonly object?[]? args;

    /// <summary>A message filling the holes of <paramref name="phrase"/> with <paramref name="args"/>, in order.</summary>
    public Message(Phrase phrase, object?[] args)
    {
        Phrase = phrase;
        this.args = args;
    }

    // For the typed messages of this assembly, which hold their own arguments
    private protected Message(Phrase phrase) => Phrase = phrase;

    /// <summary>The phrase this message fills.</summary>
    public Phrase Phrase { get; }

    /// <summary>The values of the phrase's holes (value types boxed on each read for a typed message).</summary>
    public IReadOnlyList<object?> Args => args ?? Boxed();

    /// <summary>How many holes this message fills.</summary>
    internal virtual int Arity => args!.Length;

    /// <summary>The value of hole <paramref name="index"/>, boxed.</summary>
    internal virtual object? Arg(int index) => args![index];

    private object?[] Boxed()
    {
        var boxed = new object?[Arity];
        for (var i = 0; i < boxed.Length; i++)
        {
            boxed[i] = Arg(i);
        }

        return boxed;
    }

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string In(Language language)
    {
        var template = Phrase.Template(language);
        var arity = Arity;
        if (arity == 0)
        {
            return template;
        }

        var formatted = new object?[arity];
        for (var i = 0; i < arity; i++)
        {
            formatted[i] = Render(Arg(i), language);
        }

        return string.Format(CultureInfo.InvariantCulture, template, formatted);
    }

    /// <summary>
    /// The message as a web page shows it: each phrase, and every message among its arguments, in its
    /// <see cref="Phrase.ForPeople"/> wording, or its <see cref="Phrase.ForOthers"/> wording when <paramref name="partnerReads"/>
    /// is false; unchanged where a phrase has none.
    /// </summary>
    public Message OnPage(bool partnerReads)
    {
        var phrase = (partnerReads ? null : Phrase.ForOthers) ?? Phrase.ForPeople ?? Phrase;
        var current = Args;
        var args = new object?[current.Count];
        var changed = !ReferenceEquals(phrase, Phrase);
        for (var i = 0; i < current.Count; i++)
        {
            args[i] = current[i] switch
            {
                Message m => m.OnPage(partnerReads),
                IEnumerable<Message> many => many.Select(m => m.OnPage(partnerReads)).ToArray(),
                var other => other,
            };
            changed |= !ReferenceEquals(args[i], current[i]);
        }

        return changed ? new Message(phrase, args) : this;
    }

    /// <summary>Both languages at once.</summary>
    public LocalizedString Localized() => new(In(Language.En), In(Language.Fr));

    /// <inheritdoc />
    public override string ToString() => In(Language.En);

    private static string Render(object? value, Language language) => value switch
    {
        null => "",
        string s => s,
        Message m => m.In(language),
        LocalizedString l => l.In(language),
        ILocalizable l => l.Name(language),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => Join(e, language),
        _ => value.ToString() ?? "",
    };

    private static string Join(IEnumerable values, Language language)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                // Whole sentences are separated more strongly than names
                builder.Append(value is Message ? "; " : ", ");
            }

            builder.Append(Render(value, language));
        }

        return builder.ToString();
    }
}

/// <summary>A value that has a name in each language (enumerations shown to users).</summary>
public interface ILocalizable
{
    /// <summary>The value's name in <paramref name="language"/>.</summary>
    string Name(Language language);
}

// The typed messages of Phrase.With: one class per arity, the values in fields

internal sealed class Message<TA>(Phrase phrase, TA a) : Message(phrase)
{
    internal override int Arity => 1;

    internal override object? Arg(int index) => index == 0 ? a : throw new ArgumentOutOfRangeException(nameof(index));
}

internal sealed class Message<TA, TB>(Phrase phrase, TA a, TB b) : Message(phrase)
{
    internal override int Arity => 2;

    internal override object? Arg(int index) => index switch
    {
        0 => a,
        1 => b,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

internal sealed class Message<TA, TB, TC>(Phrase phrase, TA a, TB b, TC c) : Message(phrase)
{
    internal override int Arity => 3;

    internal override object? Arg(int index) => index switch
    {
        0 => a,
        1 => b,
        2 => c,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

internal sealed class Message<TA, TB, TC, TD>(Phrase phrase, TA a, TB b, TC c, TD d) : Message(phrase)
{
    internal override int Arity => 4;

    internal override object? Arg(int index) => index switch
    {
        0 => a,
        1 => b,
        2 => c,
        3 => d,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

internal sealed class Message<TA, TB, TC, TD, TE>(Phrase phrase, TA a, TB b, TC c, TD d, TE e) : Message(phrase)
{
    internal override int Arity => 5;

    internal override object? Arg(int index) => index switch
    {
        0 => a,
        1 => b,
        2 => c,
        3 => d,
        4 => e,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
