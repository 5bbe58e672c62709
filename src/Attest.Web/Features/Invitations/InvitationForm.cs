using System.Net.Mail;
using Attest.Core.Text;
using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attest.Web.Features.Invitations;

/// <summary>What an inviter types: an e-mail address, a role and, for a partner-side role, the partner.</summary>
public sealed class InvitationForm
{
    public string? Email { get; set; }

    public string? Role { get; set; }

    public Guid? PartnerId { get; set; }

    /// <summary>Whether <paramref name="role"/> belongs to a partner (and so needs one).</summary>
    public static bool NeedsPartner(UserRole role) => role is UserRole.AllianceLead or UserRole.Contributor;

    /// <summary>
    /// The invitation the form asks for, or null with the problems in <paramref name="state"/>. Only <paramref name="roles"/>
    /// may be chosen, and only a partner of <paramref name="partners"/>.
    /// </summary>
    public Invitation? ToInvitation(ModelStateDictionary state, Language language, IReadOnlyCollection<UserRole> roles, IReadOnlyCollection<Guid> partners)
    {
        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            state.AddModelError("Form.Email", Texts.Email.In(language) + ": " + Texts.Required.In(language));
        }
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            state.AddModelError("Form.Email", Texts.BadEmail.In(language));
        }

        UserRole? role = Enum.GetNames<UserRole>().Contains(Role, StringComparer.Ordinal) && roles.Contains(Enum.Parse<UserRole>(Role!)) ? Enum.Parse<UserRole>(Role!) : null;
        if (role is null)
        {
            state.AddModelError("Form.Role", Texts.Role.In(language) + ": " + Texts.Required.In(language));
        }

        Guid? partner = null;
        if (role is { } needs && NeedsPartner(needs))
        {
            if (PartnerId is { } id && partners.Contains(id))
            {
                partner = id;
            }
            else
            {
                state.AddModelError("Form.PartnerId", Texts.PartnerNeeded.In(language));
            }
        }

        return state.IsValid ? new Invitation { Id = Guid.NewGuid(), Email = email, Role = role!.Value, PartnerId = partner } : null;
    }
}
