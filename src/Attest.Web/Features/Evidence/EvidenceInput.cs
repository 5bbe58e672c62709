using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attest.Web.Features.Evidence;

/// <summary>The checks shared by the library's forms: who may use it, a name, the document's own date, an address.</summary>
public static class EvidenceInput
{
    public const int MaxName = 300;

    /// <summary>The partner whose library the user works in: their own, when they may edit its content.</summary>
    public static Guid? LibraryOf(Access access) => access.OwnPartnerId is { } partner && access.CanEdit(partner) ? partner : null;

    /// <summary>A name: required unless <paramref name="fallback"/> stands in for it, at most <see cref="MaxName"/> characters.</summary>
    public static string? Name(string? text, string? fallback, string field, ModelStateDictionary errors, Language language) =>
        Report(CheckName(text, fallback), Texts.Name, field, errors, language);

    /// <summary>When the document was issued: a date, not after <paramref name="today"/>.</summary>
    public static DateOnly? IssuedOn(string? text, DateOnly today, string field, ModelStateDictionary errors, Language language) =>
        Report(CheckIssuedOn(text, today), Texts.IssuedOn, field, errors, language);

    /// <summary>An http or https address.</summary>
    public static string? Url(string? text, string field, ModelStateDictionary errors, Language language) =>
        Report(CheckUrl(text), Texts.Address, field, errors, language);

    /// <summary>The rule of <see cref="Name"/>: the name, and what is wrong with it (null when nothing is).</summary>
    public static (string? Value, LocalizedString? Problem) CheckName(string? text, string? fallback)
    {
        var name = FormInput.Text(text)?.Replace('\n', ' ') ?? fallback;
        return (name, name is null ? Texts.NameRequired : name.Length > MaxName ? Texts.NameTooLong : null);
    }

    /// <summary>The rule of <see cref="IssuedOn"/>: the date, and what is wrong with it (null when nothing is).</summary>
    public static (DateOnly? Value, LocalizedString? Problem) CheckIssuedOn(string? text, DateOnly today)
    {
        var (ok, date) = FormInput.Date(text);
        return (date, !ok ? Texts.BadDate : date > today ? Texts.FutureDate : null);
    }

    /// <summary>The rule of <see cref="Url"/>: the address, and what is wrong with it (null when nothing is).</summary>
    public static (string? Value, LocalizedString? Problem) CheckUrl(string? text)
    {
        var url = FormInput.Text(text);
        return (url, FormInput.IsWebAddress(url) ? null : Texts.BadUrl);
    }

    /// <summary>A message that names its field, so that the error summary reads on its own.</summary>
    public static string Labelled(LocalizedString field, LocalizedString problem, Language language) => FormInput.Labelled(field.In(language), problem.In(language), language);

    private static T Report<T>((T Value, LocalizedString? Problem) check, LocalizedString label, string field, ModelStateDictionary errors, Language language)
    {
        if (check.Problem is { } problem)
        {
            errors.AddModelError(field, Labelled(label, problem, language));
        }

        return check.Value;
    }
}
