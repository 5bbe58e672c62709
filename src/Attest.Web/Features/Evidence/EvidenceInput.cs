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
    public static string? Name(string? text, string? fallback, string field, ModelStateDictionary errors, Language language)
    {
        var name = FormInput.Text(text)?.Replace('\n', ' ') ?? fallback;
        if (name is null)
        {
            errors.AddModelError(field, Labelled(Texts.Name, Texts.NameRequired, language));
        }
        else if (name.Length > MaxName)
        {
            errors.AddModelError(field, Labelled(Texts.Name, Texts.NameTooLong, language));
        }

        return name;
    }

    /// <summary>When the document was issued: a date, not after <paramref name="today"/>.</summary>
    public static DateOnly? IssuedOn(string? text, DateOnly today, string field, ModelStateDictionary errors, Language language)
    {
        var (ok, date) = FormInput.Date(text);
        if (!ok)
        {
            errors.AddModelError(field, Labelled(Texts.IssuedOn, Texts.BadDate, language));
        }
        else if (date > today)
        {
            errors.AddModelError(field, Labelled(Texts.IssuedOn, Texts.FutureDate, language));
        }

        return date;
    }

    /// <summary>An http or https address.</summary>
    public static string? Url(string? text, string field, ModelStateDictionary errors, Language language)
    {
        var url = FormInput.Text(text);
        if (!FormInput.IsWebAddress(url))
        {
            errors.AddModelError(field, Labelled(Texts.Address, Texts.BadUrl, language));
        }

        return url;
    }

    /// <summary>A message that names its field, so that the error summary reads on its own.</summary>
    public static string Labelled(LocalizedString field, LocalizedString problem, Language language) => FormInput.Labelled(field.In(language), problem.In(language), language);
}
