using Attest.Core.Documents;

namespace Attest.Core.Workflow;

/// <summary>The roles a person holds in Attest (see PRODUCT.md, "Who uses it").</summary>
public enum Role
{
    /// <summary>The partner's owner of the application; the only one who submits.</summary>
    AllianceLead,

    /// <summary>An engineer or writer at the partner; edits, cannot submit.</summary>
    Contributor,

    /// <summary>AWS staff (PDM/PDR) assigned to the partner; reviews before submission.</summary>
    PartnerManager,

    /// <summary>AWS competency program staff: requests information, schedules audits, decides.</summary>
    ProgramOffice,

    /// <summary>Scores the audits assigned to them.</summary>
    Auditor,

    /// <summary>Runs the installation; takes no part in an application's workflow.</summary>
    Administrator,
}

/// <summary>Wire and display names of <see cref="Role"/>.</summary>
public static class Roles
{
    /// <summary>The names.</summary>
    public static WireNames<Role> Names { get; } = new(
        (Role.AllianceLead, "alliance-lead", "alliance lead", "responsable de l'alliance"),
        (Role.Contributor, "contributor", "contributor", "contributeur"),
        (Role.PartnerManager, "partner-manager", "partner manager", "responsable partenaire AWS"),
        (Role.ProgramOffice, "program-office", "program office", "bureau du programme"),
        (Role.Auditor, "auditor", "auditor", "auditeur"),
        (Role.Administrator, "administrator", "administrator", "administrateur"));
}

/// <summary>Who acts: a user id (as stored by the web layer), a name to show, and the role they act in.</summary>
/// <remarks>That a partner user belongs to the application's partner, or a partner manager to its portfolio, is checked by the caller; the aggregate checks roles, states and assignments.</remarks>
public sealed record Actor(string UserId, string Name, Role Role);
