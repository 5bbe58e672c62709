namespace Attest.Web.Data;

/// <summary>
/// What the current user may see: the one place partner isolation is decided. The database context filters every
/// partner-owned table through it, so no page or endpoint has to remember to.
/// </summary>
public sealed class Access
{
    /// <summary>Nobody: the state before sign-in, and of administrators (who see no partner content).</summary>
    public static Access Nobody { get; } = new();

    /// <summary>The partners whose content is visible (own partner, or the partners assigned to a partner manager).</summary>
    public IReadOnlyCollection<Guid> PartnerIds { get; init; } = [];

    /// <summary>True for the program office: every submitted application, of any partner.</summary>
    public bool SeesSubmitted { get; init; }

    /// <summary>For an auditor: the applications whose audit is assigned to them, and nothing else.</summary>
    public IReadOnlyCollection<Guid> AuditedApplicationIds { get; init; } = [];

    /// <summary>The user, when signed in.</summary>
    public string? UserId { get; init; }

    /// <summary>The user's display name, when signed in (may be empty).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The user's role, when signed in.</summary>
    public UserRole? Role { get; init; }

    /// <summary>The user's unread notifications when the request began, when read with the user (a browser session).</summary>
    public int? UnreadNotifications { get; init; }

    /// <summary>The user's own partner, for partner-side users.</summary>
    public Guid? OwnPartnerId { get; init; }

    /// <summary>Whether the user may change the content of <paramref name="partnerId"/>'s applications.</summary>
    public bool CanEdit(Guid partnerId) => OwnPartnerId == partnerId && Role is UserRole.AllianceLead or UserRole.Contributor;

    /// <summary>Whether the user may create applications and manage the partner's profile and people.</summary>
    public bool CanLead(Guid partnerId) => OwnPartnerId == partnerId && Role == UserRole.AllianceLead;
}

/// <summary>The access of the request being served; set once per request by the access middleware.</summary>
public sealed class CurrentAccess
{
    public Access Value { get; set; } = Access.Nobody;
}
