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

    // Fixed arities rather than params: a lone array argument must fill one hole, not spread over several.

    /// <summary>Fills hole {0}.</summary>
    public Message With(object? a) => new(this, [a]);

    /// <summary>Fills holes {0} and {1}.</summary>
    public Message With(object? a, object? b) => new(this, [a, b]);

    /// <summary>Fills holes {0} to {2}.</summary>
    public Message With(object? a, object? b, object? c) => new(this, [a, b, c]);

    /// <summary>Fills holes {0} to {3}.</summary>
    public Message With(object? a, object? b, object? c, object? d) => new(this, [a, b, c, d]);

    /// <summary>Fills holes {0} to {4}.</summary>
    public Message With(object? a, object? b, object? c, object? d, object? e) => new(this, [a, b, c, d, e]);

    /// <summary>The template as a message with no arguments (one shared instance per phrase: messages are immutable).</summary>
    public Message Message() => plain ??= new(this, []);

    /// <summary>The template itself, for phrases without holes.</summary>
    public string In(Language language) => Template(language);

    internal string Template(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>A phrase with its arguments: formatted in either language on demand.</summary>
public sealed class Message(Phrase phrase, object?[] args)
{
    /// <summary>The phrase this message fills.</summary>
    public Phrase Phrase { get; } = phrase;

    /// <summary>The values of the phrase's holes.</summary>
    public IReadOnlyList<object?> Args { get; } = args;

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string In(Language language)
    {
        var template = Phrase.Template(language);
        if (Args.Count == 0)
        {
            return template;
        }

        var formatted = new object?[Args.Count];
        for (var i = 0; i < Args.Count; i++)
        {
            formatted[i] = Render(Args[i], language);
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
        var args = new object?[Args.Count];
        var changed = !ReferenceEquals(phrase, Phrase);
        for (var i = 0; i < Args.Count; i++)
        {
            args[i] = Args[i] switch
            {
                Message m => m.OnPage(partnerReads),
                IEnumerable<Message> many => many.Select(m => m.OnPage(partnerReads)).ToArray(),
                var other => other,
            };
            changed |= !ReferenceEquals(args[i], Args[i]);
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
